using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>催办: a reminder before a due time, sent only while that due time still stands unanswered.</summary>
public static class WhistleReminderDueHandler
{
    public static Events Handle(WhistleReminderDue message, [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] Whistle whistle, DateTimeOffset now) =>
        WhistleDeadlineReachedHandler.IsCurrent(whistle, message.Department, message.Kind, message.DueAt)
            ? [new ReminderSent(whistle.Id, message.Department, message.Kind, message.DueAt, now, WhistleAudiences.Department(message.Department))]
            : [];
}
