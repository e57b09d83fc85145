using Marten;
using Whistle.County;
using Whistle.County.Deadlines;
using Wolverine;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>
/// A due time passed (a scheduled message, never cancelled). If the assignment is still unanswered and this due time
/// is still its current one, the department's miss is recorded (<see cref="AssignmentOverdue"/>) and the whistle
/// climbs one level per missed round — community → sub-district → joint meeting → county supervision. A due time at
/// or before the one that last raised the whistle belongs to that round: it raises nothing and the department gets
/// the round's due times. Otherwise the message is stale and does nothing, so a deadline acts once however often it
/// is delivered, and two departments missing one due time raise the whistle once, in either order. Every miss recorded
/// also schedules its notice (<see cref="BreachNoticeDue"/>) the policy's notice interval later: published then if
/// the breach still stands uncured (通报). A whistle's time handlers lock its stream (<see cref="ConcurrencyStyle.Exclusive"/>):
/// the deadlines and reminders of several departments falling due at one instant, on one host or several, mostly wait
/// for each other; a version conflict that still occurs is retried, and each decides on the stream as the one before
/// left it.
/// </summary>
public static class WhistleDeadlineReachedHandler
{
    public static Task<WhistleTiming> LoadAsync(IQuerySession session, CountyReferenceCache reference, CancellationToken ct) =>
        WhistleTiming.LoadAsync(session, reference, ct);

    public static (Events, OutgoingMessages) Handle(
        WhistleDeadlineReached message, [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] Whistle whistle, WhistleTiming timing, DateTimeOffset now) =>
        Decide(message, whistle, timing, now);

    public static (Events, OutgoingMessages) Decide(WhistleDeadlineReached message, Whistle whistle, WhistleTiming timing, DateTimeOffset now)
    {
        if (!IsCurrent(whistle, message.Department, message.Kind, message.DueAt)
            || whistle.Find(message.Department)!.OverdueDue == message.DueAt) return ([], []);
        var assignment = whistle.Find(message.Department)!;
        var overdue = new AssignmentOverdue(whistle.Id, message.Department, message.Kind, message.DueAt, now);

        if (whistle.LastRound is { } round && round.Includes(message.DueAt))
        {
            // Renewed from the round's own time, not this delivery's: all who missed the round meet the next one together.
            var sameRound = Renewal(assignment, message.Kind, timing.Renew(whistle.Type, round.At));
            return ([overdue, new AssignmentDeadlinesRenewed(whistle.Id, message.Department, message.Kind, whistle.Level, sameRound, now,
                    WhistleAudiences.Department(message.Department))],
                [.. Schedule(whistle.Id, message.Department, message.Kind, sameRound), Notice(whistle, message, timing, now)]);
        }
        if (whistle.Level == WhistleLevel.CountySupervision) return ([overdue], [Notice(whistle, message, timing, now)]);

        var renewed = Renewal(assignment, message.Kind, timing.Renew(whistle.Type, now));
        var escalated = new WhistleEscalated(whistle.Id, whistle.Level, whistle.Level + 1, message.Department, message.Kind, renewed, now,
            WhistleAudiences.Escalated(whistle, message.Department, whistle.Level + 1));
        return ([overdue, escalated], [.. Schedule(whistle.Id, message.Department, message.Kind, renewed), Notice(whistle, message, timing, now)]);
    }

    /// <summary>The breach's notice, scheduled at the policy's notice interval after the miss was recorded.</summary>
    public static object Notice(Whistle whistle, WhistleDeadlineReached missed, WhistleTiming timing, DateTimeOffset now)
    {
        var at = timing.BreachNoticeAt(whistle.Type, now);
        return new BreachNoticeDue(
            whistle.Id, missed.Department, missed.Kind, missed.DueAt, now, at, timing.Policy.Version, timing.Calendar.Version).ScheduledAt(at);
    }

    /// <summary>
    /// What a miss renews. A missed sign-for gets a new sign-for due time at the next level, and the reply stays due
    /// when it was (missing the sign-for earns no time to reply). A missed reply gets the next level's reply due time,
    /// from the miss: the department stays marked overdue, and without it nobody would chase the reply further up.
    /// </summary>
    public static AssignmentDeadlines Renewal(Assignment assignment, DeadlineKind missed, AssignmentDeadlines fresh) =>
        missed == DeadlineKind.SignFor ? fresh with { ReplyDue = assignment.ReplyDue, ReplyReminder = assignment.ReplyReminder } : fresh;

    private static OutgoingMessages Schedule(Guid whistleId, string department, DeadlineKind missed, AssignmentDeadlines renewed)
    {
        // The reply's own deadline, scheduled when its due time was set, still stands after a missed sign-for.
        var messages = new OutgoingMessages();
        messages.AddRange(WhistleRules.Schedule(whistleId, department, renewed, missed));
        return messages;
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
