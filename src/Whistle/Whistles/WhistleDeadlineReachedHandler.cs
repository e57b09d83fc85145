using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>
/// A due time passed (a scheduled message, never cancelled). If the assignment is still unanswered and this due time
/// is still its current one, it is overdue and the whistle climbs a level — community → sub-district → joint meeting
/// → county supervision — with new due times for that department. Otherwise the message is stale and does nothing,
/// so a deadline escalates once however often it is delivered.
/// </summary>
public static class WhistleDeadlineReachedHandler
{
    public static Task<WhistleTiming> LoadAsync(IQuerySession session, CancellationToken ct) => WhistleTiming.LoadAsync(session, ct);

    public static (Events, OutgoingMessages) Handle(
        WhistleDeadlineReached message, [WriteAggregate] Whistle whistle, WhistleTiming timing, DateTimeOffset now) =>
        Decide(message, whistle, timing, now);

    public static (Events, OutgoingMessages) Decide(WhistleDeadlineReached message, Whistle whistle, WhistleTiming timing, DateTimeOffset now)
    {
        if (!IsCurrent(whistle, message.Department, message.Kind, message.DueAt)
            || whistle.Find(message.Department)!.OverdueDue == message.DueAt) return ([], []);
        var overdue = new AssignmentOverdue(whistle.Id, message.Department, message.Kind, message.DueAt, now);
        if (whistle.Level == WhistleLevel.CountySupervision) return ([overdue], []);

        var renewed = timing.Renew(whistle.Type, now);
        var escalated = new WhistleEscalated(whistle.Id, whistle.Level, whistle.Level + 1, message.Department, message.Kind, renewed, now);
        var messages = new OutgoingMessages();
        messages.AddRange(message.Kind == DeadlineKind.SignFor
            ? WhistleRules.Schedule(whistle.Id, message.Department, renewed, DeadlineKind.SignFor, DeadlineKind.Reply)
            : WhistleRules.Schedule(whistle.Id, message.Department, renewed, DeadlineKind.Reply));
        return ([overdue, escalated], messages);
    }

    /// <summary>Whether a deadline of this kind, set for this time, still stands against the department.</summary>
    public static bool IsCurrent(Whistle whistle, string department, DeadlineKind kind, DateTimeOffset dueAt)
    {
        if (whistle.Concluded || whistle.Find(department) is not { } a) return false;
        return kind == DeadlineKind.SignFor
            ? a.Status == AssignmentStatus.Awaiting && a.SignForDue == dueAt
            : a.Status is AssignmentStatus.Awaiting or AssignmentStatus.SignedFor && a.ReplyDue == dueAt;
    }
}
