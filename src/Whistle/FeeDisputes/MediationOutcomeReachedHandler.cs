using Whistle.Mediation;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>The dispute learns how its mediation ended (cascaded by the mediation case).</summary>
public static class MediationOutcomeReachedHandler
{
    public static Events Handle(MediationOutcomeReached message, [WriteAggregate("FeeDisputeId")] FeeDispute dispute) =>
        // Recorded whatever the dispute did meanwhile (a plan may be agreed during mediation); once per mediation.
        dispute.Mediation == message.MediationCaseId && !dispute.MediationEnded
            ? [new FeeDisputeMediationEnded(dispute.Id, message.MediationCaseId, message.Result, message.By, message.At)]
            : [];
}
