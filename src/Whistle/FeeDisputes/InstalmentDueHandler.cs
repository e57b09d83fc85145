using Wolverine;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>
/// An instalment's due day has passed (a scheduled message, never cancelled). Still unpaid under the same plan: the
/// owner is reminded and the grace period starts; paid, or a later plan in force: nothing.
/// </summary>
public static class InstalmentDueHandler
{
    public static (Events, OutgoingMessages) Handle(InstalmentDue message, [WriteAggregate] FeeDispute dispute, DateTimeOffset now)
    {
        if (dispute.Unpaid(message.Plan, message.Number) is null) return ([], []);
        var graceEnds = message.DueOn.AddDays(dispute.GraceDays);
        return ([new InstalmentMissed(dispute.Id, message.Plan, message.Number, message.DueOn, graceEnds, now)],
            [new InstalmentGraceExpired(dispute.Id, message.Plan, message.Number, graceEnds).ScheduledAt(FeeDisputeRules.EndOf(graceEnds))]);
    }
}

/// <summary>The grace period of a missed instalment has passed: still unpaid, the plan defaults (违约).</summary>
public static class InstalmentGraceExpiredHandler
{
    public static Events Handle(InstalmentGraceExpired message, [WriteAggregate] FeeDispute dispute, DateTimeOffset now) =>
        dispute.Unpaid(message.Plan, message.Number) is null
            ? []
            : [new PaymentPlanDefaulted(dispute.Id, message.Plan, message.Number, now)];
}
