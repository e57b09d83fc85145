using Marten;
using Wolverine.Http;

namespace Whistle.Directory;

/// <summary>A residential compound (小区) and the community (社区) and sub-district (街道) it belongs to.</summary>
public sealed class Compound
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string CommunityId { get; set; }
    public required string CommunityName { get; set; }
    public required string SubDistrictId { get; set; }
    public required string SubDistrictName { get; set; }
}

public static class CompoundsEndpoint
{
    /// <summary>The county's compounds, with their community and sub-district.</summary>
    [WolverineGet("/api/compounds", OperationId = "ListCompounds")]
    public static Task<IReadOnlyList<Compound>> Get(IQuerySession session, CancellationToken ct) =>
        session.Query<Compound>().OrderBy(x => x.Id).ToListAsync(ct);
}
