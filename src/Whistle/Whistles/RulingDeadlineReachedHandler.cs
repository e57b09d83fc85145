using Whistle.Kernel;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>
/// The office's ruling on a rejection fell due (a scheduled message, never cancelled). If the rejection still waits for
/// that ruling, the miss is recorded once (<see cref="RulingOverdue"/>) and the whistle goes straight to county
/// supervision (<see cref="SupervisionOpened"/>; already there, it stays), the supervisors and the office told. A ruling
/// given, or a message delivered again, finds nothing awaited and does nothing. The office may still rule afterwards.
/// </summary>
public static class RulingDeadlineReachedHandler
{
    public static Events Handle(RulingDeadlineReached message, [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] Whistle whistle, DateTimeOffset now) =>
        Decide(message, whistle, now);

    public static Events Decide(RulingDeadlineReached message, Whistle whistle, DateTimeOffset now)
    {
        if (RulingReminderDueHandler.Awaited(whistle, message.Department, message.DueAt) is not { Overdue: false }) return [];
        Events events = [new RulingOverdue(whistle.Id, message.Department, message.DueAt, now, [Audience.Supervisors, Audience.Office])];
        if (whistle.Level != WhistleLevel.CountySupervision)
            events.Add(new SupervisionOpened(
                whistle.Id, whistle.Level, WhistleLevel.CountySupervision, message.Department, message.DueAt, now,
                [Audience.Supervisors, Audience.Office]));
        return events;
    }
}
