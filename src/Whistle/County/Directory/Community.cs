using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A community (社区) under a sub-district.</summary>
public sealed class Community
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public long Version { get; set; }
    public CommunityInfo Info { get; set; } = new("", "");
    public DateTimeOffset UpdatedAt { get; set; }
    public Actor UpdatedBy { get; set; } = new("", "", "");

    public static Community Create(CommunityRegistered e) =>
        new() { Id = e.CommunityId, Code = e.Code, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public void Apply(CommunityRevised e) => (Version, Info, UpdatedAt, UpdatedBy) = (Version + 1, e.Info, e.At, e.By);
}

public static class CommunitiesEndpoint
{
    /// <summary>The county's communities; <c>subDistrictCode</c> narrows them to one sub-district.</summary>
    [WolverineGet("/api/directory/communities", OperationId = "ListCommunities")]
    public static Task<IReadOnlyList<Community>> Get(string? subDistrictCode, IQuerySession session, CancellationToken ct) =>
        session.Query<Community>()
            .Where(x => subDistrictCode == null || x.Info.SubDistrictCode == subDistrictCode)
            .OrderBy(x => x.Code).ToListAsync(ct);
}
