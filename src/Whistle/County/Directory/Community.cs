using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A community (社区) under a sub-district.</summary>
public sealed record Community : IDirectoryEntry<CommunityInfo>
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public long Version { get; init; }
    public CommunityInfo Info { get; init; } = new("", "");
    public DateTimeOffset UpdatedAt { get; init; }
    public Actor UpdatedBy { get; init; } = new("", "", "");

    public static readonly DirectoryKind<CommunityInfo> Kind = new("community",
        (id, code, info, by, at) => new CommunityRegistered(id, code, info, by, at),
        (id, code, info, changed, by, at) => new CommunityRevised(id, code, info, changed, by, at));

    public static Community Create(CommunityRegistered e) =>
        new() { Id = e.CommunityId, Code = e.Code, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public Community Apply(CommunityRevised e) => this with { Version = Version + 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };
}

public static class CommunitiesEndpoint
{
    /// <summary>The county's communities; <c>subDistrictCode</c> narrows them to one sub-district.</summary>
    [EndpointSummary("社区名录 The communities")]
    [WolverineGet("/api/directory/communities", OperationId = "ListCommunities")]
    public static Task<IReadOnlyList<Community>> Get(string? subDistrictCode, IQuerySession session, CancellationToken ct) =>
        session.Query<Community>()
            .Where(x => subDistrictCode == null || x.Info.SubDistrictCode == subDistrictCode)
            .OrderBy(x => x.Code).ToListAsync(ct);
}
