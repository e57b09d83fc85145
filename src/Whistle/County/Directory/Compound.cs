using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A residential compound (小区): its community, its property-service company and owners' committee.</summary>
public sealed record Compound : IDirectoryEntry<CompoundInfo>
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public long Version { get; init; }
    public CompoundInfo Info { get; init; } = null!;
    public DateTimeOffset UpdatedAt { get; init; }
    public Actor UpdatedBy { get; init; } = new("", "", "");

    public static readonly DirectoryKind<CompoundInfo> Kind = new("compound",
        (id, code, info, by, at) => new CompoundRegistered(id, code, info, by, at),
        (id, code, info, changed, by, at) => new CompoundRevised(id, code, info, changed, by, at));

    public static Compound Create(CompoundRegistered e) =>
        new() { Id = e.CompoundId, Code = e.Code, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public Compound Apply(CompoundRevised e) => this with { Version = Version + 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };
}

public static class CompoundsEndpoint
{
    /// <summary>
    /// The county's compounds. Filters: communityCode, subDistrictCode, propertyCompanyCode, stage
    /// (<c>Delivered</c>, <c>UnderConstruction</c>), committee (<c>true</c>: with a formed owners' committee).
    /// </summary>
    [EndpointSummary("小区名录 The compounds")]
    [WolverineGet("/api/directory/compounds", OperationId = "ListCompounds")]
    public static Task<IReadOnlyList<Compound>> Get(
        string? communityCode, string? subDistrictCode, string? propertyCompanyCode, CompoundStage? stage, bool? committee,
        IQuerySession session, CancellationToken ct) =>
        session.Query<Compound>()
            .Where(x => communityCode == null || x.Info.CommunityCode == communityCode)
            .Where(x => subDistrictCode == null || x.Info.SubDistrictCode == subDistrictCode)
            .Where(x => propertyCompanyCode == null || x.Info.PropertyCompanyCode == propertyCompanyCode)
            .Where(x => stage == null || x.Info.Stage == stage)
            .Where(x => committee == null || x.Info.OwnersCommittee.Formed == committee)
            .OrderBy(x => x.Code).ToListAsync(ct);
}
