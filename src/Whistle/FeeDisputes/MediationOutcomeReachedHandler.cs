using Whistle.Mediation;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>
/// The dispute learns how its mediation ended (cascaded by the mediation case). It locks the dispute's stream, as the
/// commands that may record the same end first do (the credit referral, going back to mediation): the two wait for
/// each other, and the one that comes second finds the end recorded — never two appends racing on one stream.
/// </summary>
public static class MediationOutcomeReachedHandler
{
    public static Events Handle(
        MediationOutcomeReached message, [WriteAggregate("FeeDisputeId", LoadStyle = ConcurrencyStyle.Exclusive)] FeeDispute dispute) =>
        // Recorded whatever the dispute did meanwhile (a plan may be agreed during mediation); once per mediation.
        dispute.Mediation == message.MediationCaseId && !dispute.MediationEnded
            ? [new FeeDisputeMediationEnded(dispute.Id, message.MediationCaseId, message.Result, message.By, message.At)]
            : [];
}
