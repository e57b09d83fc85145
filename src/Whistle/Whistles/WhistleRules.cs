using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Wolverine;

namespace Whistle.Whistles;

/// <summary>Who may act on a whistle (asked of <see cref="Scope"/>), and the deadline messages every new due time schedules.</summary>
public static class WhistleRules
{
    public static ProblemDetails NotFound(Guid id) => Problems.NotFound($"吹哨 {id} 不存在。", $"Whistle {id} does not exist.");

    public static ProblemDetails AssignmentNotFound(Guid id, string department) =>
        Problems.NotFound($"吹哨 {id} 没有派给 {department} 的任务。", $"Whistle {id} has no assignment for {department}.");

    public static ProblemDetails Concluded(Whistle whistle) =>
        Problems.Conflict($"关于 {whistle.ComplaintNumber} 的吹哨已办结。", "The whistle has concluded.");

    /// <summary>
    /// A department officer acting on their own assignment: anyone else, or an assignment not on this whistle,
    /// is 404 — other departments' work does not exist for them.
    /// </summary>
    public static ProblemDetails? OwnAssignment(Whistle whistle, string department, ClaimsPrincipal user, long? expectedVersion)
    {
        if (!Scope.Of(user).IsOfficerOf(department) || whistle.Find(department) is null) return AssignmentNotFound(whistle.Id, department);
        if (whistle.Concluded) return Concluded(whistle);
        return Problems.CheckVersion(expectedVersion, whistle.Version);
    }

    /// <summary>
    /// The whistler acting on the whistle they blew (or a colleague of the same area); a joint meeting's whistle is the
    /// joint-meeting office's, not the area's. For anyone else it is 404.
    /// </summary>
    public static ProblemDetails? Whistler(Whistle whistle, ClaimsPrincipal user, long? expectedVersion)
    {
        var scope = Scope.Of(user);
        var whistler = whistle.Origin is null ? scope.MayHandle(CaseKind.Whistle, whistle.Area) : scope.Role == Roles.Office;
        if (!whistler) return NotFound(whistle.Id);
        if (whistle.Concluded) return Concluded(whistle);
        return Problems.CheckVersion(expectedVersion, whistle.Version);
    }

    /// <summary>The reminder and the deadline of each kind named: scheduled now, never cancelled.</summary>
    public static IEnumerable<object> Schedule(Guid whistleId, string department, AssignmentDeadlines due, params DeadlineKind[] kinds) =>
        kinds.SelectMany(kind => kind == DeadlineKind.SignFor
            ? Schedule(whistleId, department, kind, due.SignForDue, due.SignForReminder)
            : Schedule(whistleId, department, kind, due.ReplyDue, due.ReplyReminder));

    public static IEnumerable<object> Schedule(
        Guid whistleId, string department, DeadlineKind kind, DateTimeOffset due, DateTimeOffset reminder) =>
    [
        new WhistleReminderDue(whistleId, department, kind, due).ScheduledAt(reminder),
        new WhistleDeadlineReached(whistleId, department, kind, due).ScheduledAt(due),
    ];

    /// <summary>The office's ruling on a rejection: its reminder and its deadline, scheduled now, never cancelled.</summary>
    public static IEnumerable<object> ScheduleRuling(Guid whistleId, string department, RulingDeadline ruling) =>
    [
        new RulingReminderDue(whistleId, department, ruling.Due).ScheduledAt(ruling.Reminder),
        new RulingDeadlineReached(whistleId, department, ruling.Due).ScheduledAt(ruling.Due),
    ];

    public static string Label(this AssignmentStatus status) => status switch
    {
        AssignmentStatus.Awaiting => "待签收",
        AssignmentStatus.SignedFor => "办理中",
        AssignmentStatus.Replied => "已反馈",
        AssignmentStatus.Rejected => "已退单待审定",
        AssignmentStatus.Reassigned => "已改派",
        _ => status.ToString(),
    };
}
