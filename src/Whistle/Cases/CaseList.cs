using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Whistle.Mediation;
using Wolverine.Http;

namespace Whistle.Cases;

/// <summary>One case of any kind — complaint, fee dispute, mediation case — as the shared case list shows it.</summary>
public sealed record CaseListItem(
    Guid Id, string Kind, string Number, string Status, string StatusLabel, bool Open,
    string? CommunityCode, string? CompoundCode, string Summary, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, string Url);

public sealed record CasePage(IReadOnlyList<CaseListItem> Items, int Page, int PageSize, long Total);

public static class CaseListEndpoint
{
    public const string Complaint = "complaint", FeeDispute = "fee-dispute", Mediation = "mediation";
    private static readonly string[] Kinds = [Complaint, FeeDispute, Mediation];
    public const int MaxPageSize = 100;

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
    /// Every case kind in one list, newest first: <c>kind</c> (complaint, fee-dispute, mediation), <c>open</c>,
    /// <c>communityCode</c>, paging. Each kind is filtered by the caller's scope, as its details are: a kind the caller
    /// never sees is left out. Summaries carry no personal data.
    /// </summary>
    [EndpointSummary("案件列表 Every case")]
    [WolverineGet("/api/cases", OperationId = "ListCases")]
    [Authorize(Roles = Readers)]
    public static async Task<CasePage> Get(
        string? kind, bool? open, string? communityCode, int? page, int? pageSize,
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var (number, size) = (page ?? 1, pageSize ?? 20);
        var take = number * size;
        var scope = Scope.Of(user);
        var parts = new List<(IReadOnlyList<CaseListItem> Items, int Total)>();

        if (kind is null or Complaint && scope.SeesAny(CaseKind.Complaint))
        {
            var q = scope.Filter(session.Query<ComplaintDetails>(), ComplaintDetails.Fields);
            if (communityCode is not null) q = q.Where(x => x.CommunityId == communityCode);
            if (open is { } o) q = o
                ? q.Where(x => !ComplaintStatuses.Final.Contains(x.Status))
                : q.Where(x => ComplaintStatuses.Final.Contains(x.Status));
            parts.Add(((await q.OrderByDescending(x => x.LodgedAt).Take(take).ToListAsync(ct)).Select(Item).ToList(), await q.CountAsync(ct)));
        }
        if (kind is null or FeeDispute && scope.SeesAny(CaseKind.FeeDispute))
        {
            var q = scope.Filter(session.Query<FeeDisputeDetails>(), FeeDisputeDetails.Fields);
            if (communityCode is not null) q = q.Where(x => x.CommunityCode == communityCode);
            if (open is { } o) q = o
                ? q.Where(x => !FeeDisputeStages.Closed.Contains(x.Stage))
                : q.Where(x => FeeDisputeStages.Closed.Contains(x.Stage));
            parts.Add(((await q.OrderByDescending(x => x.RaisedAt).Take(take).ToListAsync(ct)).Select(Item).ToList(), await q.CountAsync(ct)));
        }
        if (kind is null or Mediation && scope.SeesAny(CaseKind.Mediation))
        {
            var q = scope.Filter(session.Query<MediationCaseDetails>(), MediationCaseDetails.Fields);
            if (communityCode is not null) q = q.Where(x => x.CommunityCode == communityCode);
            if (open is { } o) q = o
                ? q.Where(x => !MediationStatuses.Final.Contains(x.Status))
                : q.Where(x => MediationStatuses.Final.Contains(x.Status));
            parts.Add(((await q.OrderByDescending(x => x.OpenedAt).Take(take).ToListAsync(ct)).Select(Item).ToList(), await q.CountAsync(ct)));
        }

        var items = parts.SelectMany(p => p.Items).OrderByDescending(i => i.OpenedAt).Skip((number - 1) * size).Take(size).ToList();
        return new CasePage(items, number, size, parts.Sum(p => p.Total));
    }

    private static CaseListItem Item(ComplaintDetails d) => new(
        d.Id, Complaint, d.Number, d.Status.ToString(), d.StatusLabel, d.IsOpen,
        d.CommunityId, d.CompoundId, Shorten(d.Description), d.LodgedAt, d.UpdatedAt, $"/api/complaints/{d.Id}");

    private static CaseListItem Item(FeeDisputeDetails d) => new(
        d.Id, FeeDispute, d.Number, d.Stage.ToString(), d.StageLabel, FeeDisputeStages.IsOpen(d.Stage),
        d.CommunityCode, d.CompoundCode, $"{d.CompoundName} {d.Unit} 欠费 {d.Outstanding:0.00} 元", d.RaisedAt, d.UpdatedAt, $"/api/fee-disputes/{d.Id}");

    private static CaseListItem Item(MediationCaseDetails d) => new(
        d.Id, Mediation, d.Number, d.Status.ToString(), d.StatusLabel, d.IsOpen,
        d.CommunityCode, d.CompoundCode, Shorten(d.Matter), d.OpenedAt, d.UpdatedAt, $"/api/mediation/cases/{d.Id}");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
