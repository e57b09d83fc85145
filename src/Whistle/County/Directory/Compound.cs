using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A residential compound (小区): its community, its property-service company and owners' committee.</summary>
public sealed class Compound
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public long Version { get; set; }
    public CompoundInfo Info { get; set; } = null!;
    public DateTimeOffset UpdatedAt { get; set; }
    public Actor UpdatedBy { get; set; } = new("", "", "");

    public static Compound Create(CompoundRegistered e) =>
        new() { Id = e.CompoundId, Code = e.Code, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public void Apply(CompoundRevised e) => (Version, Info, UpdatedAt, UpdatedBy) = (Version + 1, e.Info, e.At, e.By);
}

public static class CompoundsEndpoint
{
    /// <summary>
    /// The county's compounds. Filters: communityCode, subDistrictCode, propertyCompanyCode, stage
    /// (<c>Delivered</c>, <c>UnderConstruction</c>), committee (<c>true</c>: with a formed owners' committee).
    /// </summary>
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
