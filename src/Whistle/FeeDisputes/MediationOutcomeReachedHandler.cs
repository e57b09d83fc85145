using Whistle.Mediation;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>The dispute learns how its mediation ended (cascaded by the mediation case).</summary>
public static class MediationOutcomeReachedHandler
{
    public static Events Handle(MediationOutcomeReached message, [WriteAggregate("FeeDisputeId")] FeeDispute dispute) =>
        dispute.Mediation == message.MediationCaseId && dispute.Stage == FeeDisputeStage.InMediation
            ? [new FeeDisputeMediationEnded(dispute.Id, message.MediationCaseId, message.Result, message.By, message.At)]
            : [];
}
