using Wolverine;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// The one-month limit passed (a scheduled message, never cancelled). If the case is still in mediation and this is
/// still its limit, it is flagged overdue. An extension moves the limit and a result ends mediation, so the old
/// message finds nothing to do; delivered twice, it flags once.
/// </summary>
public static class MediationMonthElapsedHandler
{
    public static object Schedule(Guid mediationCaseId, DateOnly lastDay)
    {
        var dueAt = MediationTimes.EndOf(lastDay);
        return new MediationMonthElapsed(mediationCaseId, dueAt).ScheduledAt(dueAt);
    }

    public static Events Handle(MediationMonthElapsed message, [WriteAggregate] MediationCase mediation, DateTimeOffset now) =>
        Decide(message, mediation, now);

    public static Events Decide(MediationMonthElapsed message, MediationCase mediation, DateTimeOffset now) =>
        mediation is { Status: MediationStatus.Accepted, Overdue: false, LimitLastDay: { } lastDay }
        && MediationTimes.EndOf(lastDay) == message.DueAt
            ? [new MediationOverdue(mediation.Id, lastDay, now)]
            : [];
}
