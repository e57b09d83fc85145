using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Privacy;

/// <summary>One unmasking as the access record lists it: kept inline, so it is listed as soon as the data was shown.</summary>
public sealed class PersonalDataViewingRecord
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string CaseKind { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public List<string> Fields { get; set; } = [];
    public string Purpose { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Role { get; set; } = "";

    /// <summary>When, held in UTC: a column of its own the list orders and filters by (timestamptz takes UTC only).</summary>
    public DateTimeOffset At { get; set => field = value.ToUniversalTime(); }
}

public sealed class PersonalDataViewingProjection : SingleStreamProjection<PersonalDataViewingRecord, Guid>
{
    public static PersonalDataViewingRecord Create(PersonalDataViewed e) => new()
    {
        Id = e.ViewingId, CaseId = e.CaseId, CaseKind = e.CaseKind, CaseNumber = e.CaseNumber, Fields = [.. e.Fields],
        Purpose = e.Purpose, UserId = e.By.UserId, UserName = e.By.Name, Role = e.By.Role, At = e.At,
    };
}

/// <summary>A page of the access record, latest first.</summary>
public sealed record PersonalDataViewingPage(IReadOnlyList<PersonalDataViewingRecord> Items, int Page, int PageSize, long Total, bool TotalIsExact);

public static class PersonalDataViewingListEndpoint
{
    /// <summary>Who reads the access record: analysts and administrators, who see personal data masked or not at all.</summary>
    public const string Readers = Roles.Analyst + "," + Roles.Admin;

    public const int MaxPageSize = 100;

    public static ProblemDetails Validate(string? userId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize) =>
        new FieldErrors()
            .When(userId is { Length: > 100 }, "userId", "不能超过 100 个字符。At most 100 characters.")
            .When(from > to, "from", "应早于 to。Must be before to.")
            .When(page is < 1 or > 10_000, "page", "应为 1 到 10000。1 to 10000.")
            .When(pageSize is < 1 or > MaxPageSize, "pageSize", $"应为 1 到 {MaxPageSize}。1 to {MaxPageSize}.")
            .ToProblem();

    /// <summary>
    /// Who unmasked which case's personal data, when and why, latest first: filtered by <c>caseId</c>, <c>userId</c> and
    /// a time range (<c>from</c> inclusive, <c>to</c> exclusive). The total is exact up to 10,000.
    /// </summary>
    [EndpointSummary("个人信息调阅记录 Who unmasked personal data")]
    [WolverineGet("/api/personal-data/viewings", OperationId = "ListPersonalDataViewings")]
    [Authorize(Roles = Readers)]
    public static async Task<PersonalDataViewingPage> Get(
        Guid? caseId, string? userId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        IQuerySession session, CancellationToken ct)
    {
        var (number, size) = (page ?? 1, pageSize ?? 20);
        var q = session.Query<PersonalDataViewingRecord>().AsQueryable();
        if (caseId is { } id) q = q.Where(x => x.CaseId == id);
        if (userId is not null) q = q.Where(x => x.UserId == userId);
        if (from is { } f) { var utc = f.ToUniversalTime(); q = q.Where(x => x.At >= utc); }
        if (to is { } t) { var utc = t.ToUniversalTime(); q = q.Where(x => x.At < utc); }
        var (total, exact) = await CappedCount.CountAsync(session, q.Select(x => x.Id), ct);
        var items = await q.OrderByDescending(x => x.At).ThenByDescending(x => x.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new PersonalDataViewingPage(items, number, size, total, exact);
    }
}
