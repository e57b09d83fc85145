using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.Privacy;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.Complaints;

/// <summary>
/// One row of the complaint list; the complainant is always masked here. <see cref="NextStep"/> and
/// <see cref="NextDue"/>: the step now due and its due time (null when none is timed); <see cref="Overdue"/>: as the
/// details define it (<see cref="ComplaintDetails.Overdue"/>).
/// </summary>
public sealed record ComplaintListItem(
    Guid Id,
    string Number,
    ComplaintStatus Status,
    string StatusLabel,
    ComplaintChannel Channel,
    string CategoryId,
    string CompoundId,
    string CommunityId,
    string ComplainantName,
    string Summary,
    DateTimeOffset LodgedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    ComplaintUrgency Urgency = ComplaintUrgency.Ordinary,
    ComplaintStep? NextStep = null,
    DateTimeOffset? NextDue = null,
    bool Overdue = false);

/// <summary>
/// A page of the complaint list. <see cref="Total"/> counts the complaints the filters match up to
/// <see cref="CappedCount.Cap"/>; past that, <see cref="TotalIsExact"/> is false and the total reads the cap ("10,000 or more").
/// </summary>
public sealed record ComplaintPage(IReadOnlyList<ComplaintListItem> Items, int Page, int PageSize, long Total, bool TotalIsExact = true);

/// <summary>The filters of the complaint list, parsed and checked.</summary>
public sealed record ComplaintFilter(
    ComplaintStatus? Status, string? CategoryId, string? CommunityId, NumberMatch? Number,
    DateTimeOffset? LodgedFrom, DateTimeOffset? LodgedTo, int Page, int PageSize, bool? Overdue = null, ComplaintWords? Words = null);

public static class ComplaintListEndpoint
{
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;

    /// <summary>Parses the query string; the endpoint's Validate and Get both read it through here.</summary>
    public static (ComplaintFilter Filter, ProblemDetails Problem) Parse(
        string? status, string? categoryId, string? communityId, string? number,
        string? lodgedFrom, string? lodgedTo, string? page, string? pageSize, string? overdue = null, string? q = null)
    {
        var errors = new FieldErrors();
        ComplaintStatus? parsedStatus = null;
        if (status is not null)
        {
            // Names only: Enum.TryParse would also take numbers and "Lodged,Accepted" (OR-ed into another status).
            var name = Enum.GetNames<ComplaintStatus>().FirstOrDefault(n => n.Equals(status, StringComparison.OrdinalIgnoreCase));
            if (name is not null) parsedStatus = Enum.Parse<ComplaintStatus>(name);
            else errors.Add("status", $"状态只能是 {string.Join("/", Enum.GetNames<ComplaintStatus>())}。Unknown status.");
        }
        var from = Instant("lodgedFrom", lodgedFrom, errors);
        var to = Instant("lodgedTo", lodgedTo, errors);
        if (from > to) errors.Add("lodgedTo", "结束时间早于开始时间。lodgedTo is before lodgedFrom.");
        var pageNumber = Number("page", page, 1, 1, MaxPage, errors);
        var size = Number("pageSize", pageSize, 20, 1, MaxPageSize, errors);
        errors.Text("categoryId", categoryId, 64, required: false)
            .Text("communityId", communityId, 64, required: false);
        var numberMatch = NumberMatch.Parse(number);
        errors.When(number is not null && numberMatch is null, "number",
            "应为投诉编号（如 TS-2026-000012）、其开头（如 TS-2026-00）或 1 到 6 位序号（如 12）。"
            + "A complaint number (TS-2026-000012), its start (TS-2026-00) or its sequence of 1 to 6 digits (12).");
        var words = ComplaintWords.Parse(q, errors);
        // true or false only, in any case: bool.TryParse would also take " true " with its spaces.
        bool? late = overdue?.ToUpperInvariant() switch { "TRUE" => true, "FALSE" => false, _ => null };
        errors.When(overdue is not null && late is null, "overdue", "应为 true 或 false。true or false.");
        return (new ComplaintFilter(parsedStatus, categoryId, communityId, numberMatch, from, to, pageNumber, size, late, words),
            errors.ToProblem());
    }

    public static ProblemDetails Validate(
        string? status, string? categoryId, string? communityId, string? number,
        string? lodgedFrom, string? lodgedTo, string? page, string? pageSize, string? overdue, string? q) =>
        Parse(status, categoryId, communityId, number, lodgedFrom, lodgedTo, page, pageSize, overdue, q).Problem;

    /// <summary>
    /// Complaints, newest first. Filters: status, categoryId, communityId, number (a whole number, its start, or its
    /// yearly sequence in 1–6 digits), q (words of two characters or more, each found in the description or the number),
    /// lodgedFrom/lodgedTo
    /// (ISO 8601; a bare date means that day's midnight in China time), overdue (true: the step now due missed its
    /// due time; false: it did not, or no step is timed), page, pageSize (at most 100).
    /// Community and sub-district workers see their own area only.
    /// </summary>
    [EndpointSummary("投诉列表 The complaints")]
    [WolverineGet("/api/complaints", OperationId = "ListComplaints")]
    [Authorize(Roles = Scope.ComplaintReaders)]
    public static async Task<ComplaintPage> Get(
        string? status, string? categoryId, string? communityId, string? number,
        string? lodgedFrom, string? lodgedTo, string? page, string? pageSize, string? overdue, string? q,
        ClaimsPrincipal user, IQuerySession session, PersonalDataVault vault, CancellationToken ct)
    {
        var filter = Parse(status, categoryId, communityId, number, lodgedFrom, lodgedTo, page, pageSize, overdue, q).Filter;
        return await ReadAsync(filter, user, session, vault, ct);
    }

    /// <summary>
    /// The page of complaints the filter selects within the user's scope, newest first: the one reading of the list,
    /// shared by the API and the case-list page.
    /// </summary>
    public static async Task<ComplaintPage> ReadAsync(
        ComplaintFilter filter, ClaimsPrincipal user, IQuerySession session, PersonalDataVault vault, CancellationToken ct)
    {
        var query = Scope.Of(user).Filter(session.Query<ComplaintDetails>(), ComplaintDetails.Fields);
        if (filter.Status is { } wanted) query = query.Where(x => x.Status == wanted);
        if (filter.CategoryId is { } category) query = query.Where(x => x.CategoryId == category);
        if (filter.CommunityId is { } community) query = query.Where(x => x.CommunityId == community);
        if (filter.Number is { Kind: NumberMatchKind.Exact, Text: var exact }) query = query.Where(x => x.Number == exact);
        if (filter.Number is { Kind: NumberMatchKind.Prefix, Text: var start }) query = query.Where(x => x.Number.StartsWith(start));
        if (filter.Number is { Kind: NumberMatchKind.Sequence, Text: var end }) query = query.Where(x => x.Number.EndsWith(end));
        if (filter.Words is { } words) query = words.Filter(query);
        // In UTC, as the column holds them (ComplaintDetails.LodgedAt).
        if (filter.LodgedFrom?.ToUniversalTime() is { } from) query = query.Where(x => x.LodgedAt >= from);
        if (filter.LodgedTo?.ToUniversalTime() is { } to) query = query.Where(x => x.LodgedAt < to);
        if (filter.Overdue is true) query = query.Where(x => x.Overdue);
        if (filter.Overdue is false) query = query.Where(x => !x.Overdue);

        var (total, isExact) = await CappedCount.CountAsync(session, query.Select(x => x.Id), ct);
        var rows = await query.OrderByDescending(x => x.LodgedAt).ThenByDescending(x => x.Number)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        // The page's complainants' keys in one query: each name is opened, then masked.
        var keys = await vault.KeyringAsync(session, rows, ct);
        return new ComplaintPage([.. rows.Select(d => Row(d, keys))], filter.Page, filter.PageSize, total, isExact);
    }

    private static ComplaintListItem Row(ComplaintDetails d, Keyring keys) => new(
        d.Id, d.Number, d.Status, d.Status.Label(), d.Channel, d.CategoryId, d.CompoundId, d.CommunityId,
        PersonalDatum.Of(PersonalDataKind.Name, keys.Open(d.Complainant.Name)), d.Description.Length <= 60 ? d.Description : d.Description[..60] + "…",
        d.LodgedAt, d.UpdatedAt, d.Version, d.Urgency, d.NextDue?.Step, d.NextDue?.DueAt, d.Overdue);

    private static DateTimeOffset? Instant(string field, string? value, FieldErrors errors)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), CountyTime.Offset);
        // With an explicit offset or Z, that instant; without one, the county's local time (China Standard Time).
        if (HasOffset(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant;
        if (!HasOffset(value) && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), CountyTime.Offset);
        errors.Add(field, "不是有效的日期或时间（如 2026-11-27 或 2026-11-27T08:00:00+08:00）。Not an ISO 8601 date or time.");
        return null;
    }

    private static bool HasOffset(string value) =>
        value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');

    private static int Number(string field, string? value, int fallback, int min, int max, FieldErrors errors)
    {
        if (value is null) return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(field, $"应为 {min} 到 {max} 之间的整数。An integer from {min} to {max}.");
        return fallback;
    }
}
