using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// The window's last day ended (a scheduled message, never cancelled): the confirmation window is closed, recording
/// whether the parties applied within it. Delivered twice, it closes once.
/// </summary>
public static class JudicialConfirmationWindowElapsedHandler
{
    public static Events Handle(JudicialConfirmationWindowElapsed message, [WriteAggregate] MediationCase mediation, DateTimeOffset now) =>
        Decide(message, mediation, now);

    public static Events Decide(JudicialConfirmationWindowElapsed message, MediationCase mediation, DateTimeOffset now) =>
        JudicialConfirmationReminderDueHandler.IsCurrent(mediation, message.ClosesAt) && !mediation.ConfirmationWindowClosed
            ? [new JudicialConfirmationWindowClosed(mediation.Id, mediation.ConfirmationLastDay!.Value, mediation.ConfirmationAppliedOn is not null, now)]
            : [];
}
