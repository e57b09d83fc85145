using Marten;
using Wolverine.Http;

namespace Whistle.Directory;

/// <summary>A kind of problem residents complain about (违章搭建, 物业服务质量, …).</summary>
public sealed class ComplaintCategory
{
    /// <summary>A stable kebab-case code, e.g. <c>illegal-construction</c>.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
}

public static class ComplaintCategoriesEndpoint
{
    [WolverineGet("/api/complaint-categories", OperationId = "ListComplaintCategories")]
    public static Task<IReadOnlyList<ComplaintCategory>> Get(IQuerySession session, CancellationToken ct) =>
        session.Query<ComplaintCategory>().OrderBy(x => x.Id).ToListAsync(ct);
}
