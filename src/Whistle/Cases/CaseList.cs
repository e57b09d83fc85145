using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Cases;

/// <summary>One case of any kind — complaint, fee dispute, mediation case — as the shared case list shows it.</summary>
public sealed record CaseListItem(
    Guid Id, string Kind, string Number, string Status, string StatusLabel, bool Open,
    string? CommunityCode, string? CompoundCode, string Summary, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, string Url);

/// <summary>
/// A page of the case list. <see cref="Total"/> counts the cases the filters match up to
/// <see cref="CaseListEndpoint.TotalCountedUpTo"/>; past that, <see cref="TotalIsExact"/> is false and the total reads
/// the cap ("10,000 or more").
/// </summary>
public sealed record CasePage(IReadOnlyList<CaseListItem> Items, int Page, int PageSize, long Total, bool TotalIsExact = true);

public static class CaseListEndpoint
{
    public const string Complaint = CaseSummary.Complaint, FeeDispute = CaseSummary.FeeDispute, Mediation = CaseSummary.Mediation;
    private static readonly string[] Kinds = [Complaint, FeeDispute, Mediation];
    public const int MaxPageSize = 100;

    /// <summary>
    /// Matches are counted up to this many (<see cref="CappedCount"/>): an exact count of a county's hundred thousand
    /// cases read the whole index on every page (60 ms of PostgreSQL's time each); past it the page says "10,000 or more".
    /// </summary>
    public const int TotalCountedUpTo = CappedCount.Cap;

    /// <summary>Who may call the list: whoever sees at least one of its kinds.</summary>
    public const string Readers = Scope.ComplaintReaders + "," + Scope.MediationReaders;

    /// <summary>
    /// The shared list searches no words: its kinds keep their texts in different read models, and only complaints'
    /// descriptions are indexed for words. <c>q</c> is refused rather than ignored, pointing to the complaint list.
    /// </summary>
    public static ProblemDetails Validate(string? kind, int? page, int? pageSize, string? q) =>
        new FieldErrors()
            .When(q is not null, "q", "案件总表不支持按文字搜索，请用 /api/complaints?q= 搜索投诉内容。"
                + "The case list does not search words; search complaints with /api/complaints?q=.")
            .When(kind is not null && !Kinds.Contains(kind), "kind", $"应为 {string.Join("/", Kinds)}。One of {string.Join(", ", Kinds)}.")
            .When(page is < 1 or > 10_000, "page", "应为 1 到 10000。1 to 10000.")
            .When(pageSize is < 1 or > MaxPageSize, "pageSize", $"应为 1 到 {MaxPageSize}。1 to {MaxPageSize}.")
            .ToProblem();

    /// <summary>
    /// Every case kind in one list, newest first (ties by id, descending, so pages never overlap): <c>kind</c>
    /// (complaint, fee-dispute, mediation), <c>open</c>, <c>communityCode</c>, paging. Each kind is filtered by the
    /// caller's scope, as its details are: a kind the caller never sees is left out. One query per page over
    /// <see cref="CaseSummary"/>, filtered, ordered and cut in SQL along an index, and one count of at most
    /// <see cref="TotalCountedUpTo"/> matches. Summaries carry no personal data.
    /// </summary>
    [EndpointSummary("案件列表 Every case")]
    [WolverineGet("/api/cases", OperationId = "ListCases")]
    [Authorize(Roles = Readers)]
    public static async Task<CasePage> Get(
        string? kind, bool? open, string? communityCode, int? page, int? pageSize,
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var (number, size) = (page ?? 1, pageSize ?? 20);
        var scope = Scope.Of(user);
        var seen = CaseSummary.SeenBy(scope, Kinds.Where(k => (kind is null || kind == k) && scope.SeesAny(CaseSummary.Kinds[k])));
        if (seen is null) return new CasePage([], number, size, 0);

        var q = session.Query<CaseSummary>().Where(seen);
        if (communityCode is not null) q = q.Where(x => x.CommunityCode == communityCode);
        if (open is { } o) q = q.Where(x => x.Open == o);
        var (total, exact) = await CappedCount.CountAsync(session, q.Select(x => x.Id), ct, TotalCountedUpTo);
        var items = await q.OrderByDescending(x => x.OpenedAt).ThenByDescending(x => x.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new CasePage([.. items.Select(Item)], number, size, total, exact);
    }

    private static CaseListItem Item(CaseSummary s) => new(
        s.Id, s.Kind, s.Number, s.Status, s.StatusLabel, s.Open, s.CommunityCode, s.CompoundCode, s.Summary,
        s.OpenedAt, s.UpdatedAt, UrlOf(s));

    private static string UrlOf(CaseSummary s) => s.Kind switch
    {
        Complaint => $"/api/complaints/{s.Id}",
        FeeDispute => $"/api/fee-disputes/{s.Id}",
        _ => $"/api/mediation/cases/{s.Id}",
    };
}
