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

    public static ProblemDetails Validate(string? kind, int? page, int? pageSize) =>
        new FieldErrors()
            .When(kind is not null && !Kinds.Contains(kind), "kind", $"应为 {string.Join("/", Kinds)}。One of {string.Join(", ", Kinds)}.")
            .When(page is < 1 or > 10_000, "page", "应为 1 到 10000。1 to 10000.")
            .When(pageSize is < 1 or > MaxPageSize, "pageSize", $"应为 1 到 {MaxPageSize}。1 to {MaxPageSize}.")
            .ToProblem();

    /// <summary>
    /// Every case kind in one list, newest first: <c>kind</c> (complaint, fee-dispute, mediation), <c>open</c>,
    /// <c>communityCode</c>, paging. Community and sub-district workers see their own area. Summaries carry no personal data.
    /// </summary>
    [WolverineGet("/api/cases", OperationId = "ListCases")]
    [Authorize(Roles = Scope.ComplaintReaders)]
    public static async Task<CasePage> Get(
        string? kind, bool? open, string? communityCode, int? page, int? pageSize,
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var (number, size) = (page ?? 1, pageSize ?? 20);
        var take = number * size;
        var (community, subDistrict) = (user.IsInRole(Roles.Community) ? user.CommunityOf() : communityCode,
            user.IsInRole(Roles.SubDistrict) ? user.SubDistrictOf() : null);
        var parts = new List<(IReadOnlyList<CaseListItem> Items, int Total)>();

        if (kind is null or Complaint)
        {
            var q = session.Query<ComplaintDetails>().AsQueryable();
            if (community is not null) q = q.Where(x => x.CommunityId == community);
            if (subDistrict is not null) q = q.Where(x => x.SubDistrictId == subDistrict);
            if (open is { } o) q = o
                ? q.Where(x => x.Status != ComplaintStatus.Closed && x.Status != ComplaintStatus.Declined && x.Status != ComplaintStatus.Withdrawn && x.Status != ComplaintStatus.Duplicate)
                : q.Where(x => x.Status == ComplaintStatus.Closed || x.Status == ComplaintStatus.Declined || x.Status == ComplaintStatus.Withdrawn || x.Status == ComplaintStatus.Duplicate);
            parts.Add(((await q.OrderByDescending(x => x.LodgedAt).Take(take).ToListAsync(ct)).Select(Item).ToList(), await q.CountAsync(ct)));
        }
        if (kind is null or FeeDispute)
        {
            var q = session.Query<FeeDisputeDetails>().AsQueryable();
            if (community is not null) q = q.Where(x => x.CommunityCode == community);
            if (subDistrict is not null) q = q.Where(x => x.SubDistrictCode == subDistrict);
            if (open is { } o) q = o
                ? q.Where(x => x.Stage != FeeDisputeStage.Settled && x.Stage != FeeDisputeStage.InCourt)
                : q.Where(x => x.Stage == FeeDisputeStage.Settled || x.Stage == FeeDisputeStage.InCourt);
            parts.Add(((await q.OrderByDescending(x => x.RaisedAt).Take(take).ToListAsync(ct)).Select(Item).ToList(), await q.CountAsync(ct)));
        }
        if (kind is null or Mediation)
        {
            var q = session.Query<MediationCaseDetails>().AsQueryable();
            if (community is not null) q = q.Where(x => x.CommunityCode == community);
            if (subDistrict is not null) q = q.Where(x => x.SubDistrictCode == subDistrict);
            if (open is { } o) q = o
                ? q.Where(x => x.EndedAt == null)
                : q.Where(x => x.EndedAt != null);
            parts.Add(((await q.OrderByDescending(x => x.OpenedAt).Take(take).ToListAsync(ct)).Select(Item).ToList(), await q.CountAsync(ct)));
        }

        var items = parts.SelectMany(p => p.Items).OrderByDescending(i => i.OpenedAt).Skip((number - 1) * size).Take(size).ToList();
        return new CasePage(items, number, size, parts.Sum(p => p.Total));
    }

    private static CaseListItem Item(ComplaintDetails d) => new(
        d.Id, Complaint, d.Number, d.Status.ToString(), d.StatusLabel,
        d.Status is not (ComplaintStatus.Closed or ComplaintStatus.Declined or ComplaintStatus.Withdrawn or ComplaintStatus.Duplicate),
        d.CommunityId, d.CompoundId, Shorten(d.Description), d.LodgedAt, d.UpdatedAt, $"/api/complaints/{d.Id}");

    private static CaseListItem Item(FeeDisputeDetails d) => new(
        d.Id, FeeDispute, d.Number, d.Stage.ToString(), d.StageLabel, d.Stage is not (FeeDisputeStage.Settled or FeeDisputeStage.InCourt),
        d.CommunityCode, d.CompoundCode, $"{d.CompoundName} {d.Unit} 欠费 {d.Outstanding:0.00} 元", d.RaisedAt, d.UpdatedAt, $"/api/fee-disputes/{d.Id}");

    private static CaseListItem Item(MediationCaseDetails d) => new(
        d.Id, Mediation, d.Number, d.Status.ToString(), d.StatusLabel, d.EndedAt is null,
        d.CommunityCode, d.CompoundCode, Shorten(d.Matter), d.OpenedAt, d.UpdatedAt, $"/api/mediation/cases/{d.Id}");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
