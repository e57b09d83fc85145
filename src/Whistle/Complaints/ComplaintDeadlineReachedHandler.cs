using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>
/// A step's due time passed (a scheduled message, never cancelled). If the step is still the one the complaint waits
/// for at that due time, the complaint is marked overdue (<see cref="ComplaintOverdue"/>) until the step is done.
/// Otherwise the message is stale and does nothing; and a due time already marked is not marked again, so a deadline
/// acts once however often it is delivered.
/// </summary>
public static class ComplaintDeadlineReachedHandler
{
    public static Events Handle(ComplaintDeadlineReached message, [WriteAggregate] Complaint complaint, DateTimeOffset now) =>
        Decide(message, complaint, now);

    public static Events Decide(ComplaintDeadlineReached message, Complaint complaint, DateTimeOffset now) =>
        ComplaintDeadlines.IsCurrent(complaint, message.Step, message.DueAt) && complaint.OverdueDue != message.DueAt
            ? [new ComplaintOverdue(complaint.Id, message.Step, message.DueAt, now, ComplaintDeadlines.ToldOfOverdue(complaint))]
            : [];
}
