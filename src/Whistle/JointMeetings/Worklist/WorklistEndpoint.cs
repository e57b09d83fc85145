using System.Security.Claims;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Whistles;
using Wolverine.Http;

namespace Whistle.JointMeetings.Worklist;

/// <summary>The joint-meeting office's worklist at <see cref="AsOf"/>: every open item within the caller's scope, oldest first.</summary>
public sealed record JointMeetingWorklist(DateTimeOffset AsOf, IReadOnlyList<JointMeetingWorklist.Item> Items)
{
    /// <summary>
    /// One item. <c>dueAt</c>: the due time it runs against, if any; <c>overdueMinutes</c>: how long that due time has
    /// passed at <c>asOf</c> (null when it has not, or there is none); <c>link</c>: the whistle behind it;
    /// <c>takenOverByMeeting</c>: the joint meeting that took the whistle over, if one did.
    /// </summary>
    public sealed record Item(
        WorklistKind Kind, Guid WhistleId, Guid ComplaintId, string ComplaintNumber, string? Department, DeadlineKind? Missed,
        WhistleLevel Level, string CommunityCode, string SubDistrictCode, DateTimeOffset Since, DateTimeOffset? DueAt,
        long? OverdueMinutes, string Link, Guid? TakenOverByMeeting = null);
}

public static partial class JointMeetingWorklistEndpoint
{
    /// <summary>Kinds and levels are named, never numbered; department and sub-district codes are directory codes.</summary>
    public static ProblemDetails Validate(string? kind, string? level, string? department, string? subDistrictCode) =>
        new FieldErrors()
            .When(kind is not null && Named<WorklistKind>(kind) is null, "kind",
                $"应为 {string.Join("/", Enum.GetNames<WorklistKind>())} 之一。Unknown kind {kind}.")
            .When(level is not null && Named<WhistleLevel>(level) is null, "level",
                $"应为 {string.Join("/", Enum.GetNames<WhistleLevel>())} 之一。Unknown level {level}.")
            .When(department is not null && !CodePattern().IsMatch(department), "department",
                "部门编码只能由字母、数字、- 和 _ 组成，最长 32 位。Letters, digits, - and _ only, at most 32.")
            .When(subDistrictCode is not null && !CodePattern().IsMatch(subDistrictCode), "subDistrictCode",
                "街道编码只能由字母、数字、- 和 _ 组成，最长 32 位。Letters, digits, - and _ only, at most 32.")
            .ToProblem();

    /// <summary>
    /// The joint-meeting office's worklist (联席办待办): whistles at the joint-meeting or county-supervision level not
    /// concluded, rejections awaiting a ruling, assignments overdue and uncured, breach notices published and uncured,
    /// whistles on departments without an active officer. The office, supervisors, hotline clerks, analysts and
    /// administrators see the county; a sub-district officer their own sub-district (in the query). Filters, in the
    /// query: <c>kind</c> (by name), <c>level</c> (the whistle's current level, by name), <c>department</c>,
    /// <c>subDistrictCode</c>; a malformed one is 400. Built by the async daemon: it may trail the last command briefly.
    /// </summary>
    /// <param name="kind">AtCountyLevel, AwaitingRuling, Overdue, BreachNotice or WithoutActiveOfficer.</param>
    /// <param name="level">the whistle's current level: Community, SubDistrict, JointMeeting, CountySupervision.</param>
    /// <param name="department">the department an item is about.</param>
    /// <param name="subDistrictCode">the sub-district of the whistle.</param>
    /// <param name="now">the business time the overdue durations are computed at.</param>
    /// <param name="user">the caller, whose scope bounds the list.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("联席办待办 The joint-meeting office's worklist")]
    [WolverineGet("/api/joint-meeting/worklist", OperationId = "GetJointMeetingWorklist")]
    [Authorize(Roles = Scope.WorklistReaders)]
    public static Task<JointMeetingWorklist> Get(
        string? kind, string? level, string? department, string? subDistrictCode, DateTimeOffset now,
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        ReadAsync(kind, level, department, subDistrictCode, now, user, session, ct);

    /// <summary>
    /// The worklist's query and scope rule, which the endpoint and the office's worklist page both run: the caller's
    /// scope bounds it in SQL, the filters are the checked ones of <see cref="Validate"/>.
    /// </summary>
    public static async Task<JointMeetingWorklist> ReadAsync(
        string? kind, string? level, string? department, string? subDistrictCode, DateTimeOffset now,
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var wantedKind = kind is null ? null : Named<WorklistKind>(kind);
        var wantedLevel = level is null ? null : Named<WhistleLevel>(level);
        var query = Scope.Of(user).Filter(session.Query<WorklistWhistle>(), WorklistWhistle.Fields).Where(x => x.Items.Any());
        if (wantedLevel is { } l) query = query.Where(x => x.Level == l);
        if (subDistrictCode is not null) query = query.Where(x => x.SubDistrictCode == subDistrictCode);
        if (wantedKind is { } k && department is not null)
            query = query.Where(x => x.Items.Any(i => i.Kind == k && i.Department == department));
        else if (wantedKind is { } onlyKind) query = query.Where(x => x.Items.Any(i => i.Kind == onlyKind));
        else if (department is not null) query = query.Where(x => x.Items.Any(i => i.Department == department));
        var whistles = await query.ToListAsync(ct);

        var items = whistles
            .SelectMany(w => w.Items
                .Where(i => (wantedKind is null || i.Kind == wantedKind) && (department is null || i.Department == department))
                .Select(i => new JointMeetingWorklist.Item(
                    i.Kind, w.Id, w.ComplaintId, w.ComplaintNumber, i.Department, i.Missed, w.Level, w.CommunityCode, w.SubDistrictCode,
                    i.Since, i.DueAt, i.DueAt is { } due && now > due ? (long)(now - due).TotalMinutes : null, $"/api/whistles/{w.Id}",
                    w.TakenOverByMeeting)))
            .OrderBy(i => i.Since).ThenBy(i => i.WhistleId).ThenBy(i => i.Kind).ThenBy(i => i.Department, StringComparer.Ordinal)
            .ToList();
        return new JointMeetingWorklist(now, items);
    }

    private static TEnum? Named<TEnum>(string name) where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } found
            ? Enum.Parse<TEnum>(found)
            : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodePattern();
}
