using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// Day 20 of the judicial-confirmation window (a scheduled message, never cancelled): the parties are reminded only
/// if they have not applied yet and the agreement still stands; delivered twice, it reminds once.
/// </summary>
public static class JudicialConfirmationReminderDueHandler
{
    public static Events Handle(JudicialConfirmationReminderDue message, [WriteAggregate] MediationCase mediation, DateTimeOffset now) =>
        Decide(message, mediation, now);

    public static Events Decide(JudicialConfirmationReminderDue message, MediationCase mediation, DateTimeOffset now) =>
        IsCurrent(mediation, message.ClosesAt) && mediation is { ConfirmationReminderSent: false, ConfirmationAppliedOn: null }
        && mediation.Status is MediationStatus.AgreementSigned or MediationStatus.Performed
            ? [new JudicialConfirmationReminderSent(mediation.Id, mediation.ConfirmationLastDay!.Value, now)]
            : [];

    /// <summary>Whether the case's confirmation window is the one that closes at this time.</summary>
    public static bool IsCurrent(MediationCase mediation, DateTimeOffset closesAt) =>
        mediation.ConfirmationLastDay is { } lastDay && MediationTimes.EndOf(lastDay) == closesAt;
}
