using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>
/// 催办: the reminder before a step's due time (a scheduled message, never cancelled). Sent only while that step, at
/// that due time, is still the one the complaint waits for, and once: delivered again, or after the due time was
/// already missed, it sends nothing.
/// </summary>
public static class ComplaintReminderDueHandler
{
    public static Events Handle(ComplaintReminderDue message, [WriteAggregate] Complaint complaint, DateTimeOffset now) =>
        Decide(message, complaint, now);

    public static Events Decide(ComplaintReminderDue message, Complaint complaint, DateTimeOffset now) =>
        ComplaintDeadlines.IsCurrent(complaint, message.Step, message.DueAt)
        && complaint.RemindedDue != message.DueAt && complaint.OverdueDue != message.DueAt
            ? [new ComplaintReminderSent(complaint.Id, message.Step, message.DueAt, now, ComplaintDeadlines.ToldOfReminder(complaint))]
            : [];
}
