using Whistle.Kernel;

namespace Whistle.FeeDisputes;

/// <summary>
/// What every command on a fee dispute answers with: the dispute as it stands after the command's events, and the
/// version a client sends back as <c>expectedVersion</c>.
/// </summary>
public sealed record FeeDisputeAnswer(
    Guid Id, string Number, long Version, FeeDisputeStage Stage, string StageLabel, decimal Outstanding, DateOnly? DemandPayBy,
    Guid? MediationCaseId, bool MediationFailed, bool CreditReferred, int Plan, IReadOnlyList<FeeDisputeAnswer.InstalmentAnswer> Instalments)
{
    public sealed record InstalmentAnswer(int Number, decimal Amount, DateOnly DueOn, bool Paid);

    /// <summary>The dispute after the events a decision returns, folded through the write model.</summary>
    public static FeeDisputeAnswer After(FeeDispute dispute, IEnumerable<object> events) => Of(dispute.After(events));

    public static FeeDisputeAnswer Of(FeeDispute dispute) => new(
        dispute.Id, dispute.Number, dispute.Version, dispute.Stage, dispute.Stage.Label(), dispute.Outstanding, dispute.DemandPayBy,
        dispute.Mediation, dispute.MediationFailed, dispute.CreditReferred, dispute.Plan,
        [.. dispute.Instalments.Select(i => new InstalmentAnswer(i.Number, i.Amount, i.DueOn, dispute.PaidInstalments.Contains(i.Number)))]);
}
