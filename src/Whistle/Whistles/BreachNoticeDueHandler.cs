using Whistle.Kernel;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>
/// 通报: the policy's notice interval after a missed due time ran out (a scheduled message, never cancelled). If the
/// breach still stands uncured, it is published once (<see cref="BreachNoticePublished"/>), the office and the
/// department's officers told; otherwise the message is stale and does nothing.
/// </summary>
public static class BreachNoticeDueHandler
{
    public static Events Handle(BreachNoticeDue message, [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] Whistle whistle, DateTimeOffset now) => Decide(message, whistle, now);

    public static Events Decide(BreachNoticeDue message, Whistle whistle, DateTimeOffset now) =>
        IsUncured(whistle, message.Department, message.Kind, message.DueAt)
            ? [new BreachNoticePublished(
                whistle.Id, whistle.ComplaintId, whistle.ComplaintNumber, whistle.CommunityCode, whistle.SubDistrictCode, message.Department,
                message.Kind, message.DueAt, message.OverdueSince, message.PolicyVersion, message.CalendarVersion, now,
                [Audience.Office, Audience.Officers(message.Department)])]
            : [];

    /// <summary>
    /// Whether the department still has not done what it missed, on an assignment it held when it missed it, with the
    /// whistle open and the breach not yet published: a missed sign-for while it still awaits signing for; a missed
    /// reply while it has the case in hand and has not replied since. A department whose clock is paused (a rejection
    /// awaiting the office's ruling) has answered the whistle for now: nothing is published.
    /// </summary>
    public static bool IsUncured(Whistle whistle, string department, DeadlineKind kind, DateTimeOffset dueAt)
    {
        if (whistle.Concluded || whistle.Find(department) is not { } a || a.AssignedAt > dueAt) return false;
        if (whistle.Noticed.Contains(new Breach(department, kind, dueAt))) return false;
        return kind == DeadlineKind.SignFor
            ? a.Status == AssignmentStatus.Awaiting
            : a.Status is AssignmentStatus.Awaiting or AssignmentStatus.SignedFor && (a.RepliedAt is not { } replied || replied < dueAt);
    }
}
