using Whistle.Kernel;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>
/// 审定催办: a reminder to the joint-meeting office before a ruling on a rejection falls due, sent once and only while
/// that ruling is still awaited (not given, not yet overdue); otherwise the message is stale and does nothing.
/// </summary>
public static class RulingReminderDueHandler
{
    public static Events Handle(RulingReminderDue message, [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] Whistle whistle, DateTimeOffset now) =>
        Awaited(whistle, message.Department, message.DueAt) is { Reminded: false, Overdue: false }
            ? [new RulingReminderSent(whistle.Id, message.Department, message.DueAt, now, [Audience.Office])]
            : [];

    /// <summary>The ruling the department's rejection still waits for, if it is the one due at this time.</summary>
    public static PendingRuling? Awaited(Whistle whistle, string department, DateTimeOffset dueAt) =>
        !whistle.Concluded && whistle.Find(department) is { Status: AssignmentStatus.Rejected, AwaitingRuling: { } ruling } && ruling.Due == dueAt
            ? ruling
            : null;
}
