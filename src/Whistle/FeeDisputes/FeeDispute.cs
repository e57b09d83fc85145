using System.Collections.Immutable;
using Whistle.Kernel;
using Whistle.Mediation;

namespace Whistle.FeeDisputes;

public enum FeeDisputeStage
{
    Open = 1,            // 待处理
    InMediation = 2,     // 调解中
    PlanInProgress = 3,  // 分期履行中
    PlanDefaulted = 4,   // 分期违约
    Settled = 5,         // 已结清
    InCourt = 6,         // 已诉至法院
}

/// <summary>
/// The write model of a fee dispute: only what its decisions read. Built by folding the stream, each event returning
/// the next state; nothing mutates it. The commands answer with <see cref="FeeDisputeAnswer"/>, not with this.
/// </summary>
/// <summary>The stages a dispute ends in: nothing more is done on it. Usable in a Marten query (<c>Closed.Contains(x.Stage)</c>).</summary>
public static class FeeDisputeStages
{
    public static readonly ImmutableArray<FeeDisputeStage> Closed = [FeeDisputeStage.Settled, FeeDisputeStage.InCourt];

    public static bool IsOpen(FeeDisputeStage stage) => !Closed.Contains(stage);
}

public sealed record FeeDispute : IWriteModel<FeeDispute>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Number { get; init; } = "";
    public FeeDisputeStage Stage { get; init; }
    public DisputeRaiser RaisedBy { get; init; }
    public string PropertyCompanyCode { get; init; } = "";
    public string CompoundCode { get; init; } = "";
    /// <summary>The compound's name when the dispute was raised (its code for disputes raised before names were recorded).</summary>
    public string CompoundName { get; init; } = "";
    public string CommunityCode { get; init; } = "";
    public string SubDistrictCode { get; init; } = "";
    public string Unit { get; init; } = "";
    public string OwnerName { get; init; } = "";
    public string OwnerPhone { get; init; } = "";
    public BillingPeriod Period { get; init; } = new(default, default);
    public decimal Outstanding { get; init; }
    public DateOnly? DemandPayBy { get; init; }
    public Guid? Mediation { get; init; }
    public bool MediationFailed { get; init; }
    /// <summary>The current mediation has reported its result.</summary>
    public bool MediationEnded { get; init; }
    public bool CreditReferred { get; init; }
    public int Plan { get; init; }
    public int GraceDays { get; init; }
    public ImmutableList<Instalment> Instalments { get; init; } = [];
    public ImmutableList<int> PaidInstalments { get; init; } = [];
    public ImmutableList<Guid> DefectComplaints { get; init; } = [];

    public bool IsClosed => !FeeDisputeStages.IsOpen(Stage);

    /// <summary>A payment plan is being paid: the owner pays by its instalments, and the dispute waits on them.</summary>
    public bool PlanRuns => Stage == FeeDisputeStage.PlanInProgress;

    public Instalment? Unpaid(int plan, int number) =>
        plan == Plan && PlanRuns && !PaidInstalments.Contains(number)
            ? Instalments.FirstOrDefault(i => i.Number == number)
            : null;

    public static FeeDispute Create(FeeDisputeRaised e) => new()
    {
        Id = e.FeeDisputeId,
        Number = e.Number,
        Stage = FeeDisputeStage.Open,
        RaisedBy = e.RaisedBy,
        PropertyCompanyCode = e.PropertyCompanyCode,
        CompoundCode = e.CompoundCode,
        CompoundName = e.CompoundName ?? e.CompoundCode,
        CommunityCode = e.CommunityCode,
        SubDistrictCode = e.SubDistrictCode,
        Unit = e.Unit,
        OwnerName = e.OwnerName,
        OwnerPhone = e.OwnerPhone,
        Period = e.Period,
        Outstanding = e.AmountOwed,
    };

    public FeeDispute Apply(OwnerReasonsRecorded e) => this with { DefectComplaints = [.. e.DefectComplaints] };

    public FeeDispute Apply(DemandIssued e) => this with { DemandPayBy = e.PayBy };

    public FeeDispute Apply(FeePaid e) => this with
    {
        Outstanding = e.Outstanding,
        Stage = e.Outstanding == 0 ? FeeDisputeStage.Settled : Stage,
    };

    public FeeDispute Apply(WaiverGranted e) => this with { Outstanding = e.Outstanding };

    public FeeDispute Apply(PaymentPlanAgreed e) => this with
    {
        Stage = FeeDisputeStage.PlanInProgress,
        Plan = e.Plan,
        GraceDays = e.GraceDays,
        Instalments = [.. e.Instalments],
        PaidInstalments = [],
    };

    public FeeDispute Apply(InstalmentPaid e) => this with
    {
        PaidInstalments = PaidInstalments.Add(e.Number),
        Outstanding = Outstanding - e.Amount,
    };

    public FeeDispute Apply(PaymentPlanDefaulted e) => this with { Stage = FeeDisputeStage.PlanDefaulted };

    public FeeDispute Apply(PaymentPlanCompleted e) => this with { Stage = FeeDisputeStage.Settled };

    public FeeDispute Apply(FeeDisputeReferredToMediation e) => this with
    {
        Stage = FeeDisputeStage.InMediation,
        Mediation = e.MediationCaseId,
        MediationEnded = false,
    };

    public FeeDispute Apply(FeeDisputeMediationEnded e) => this with
    {
        Stage = Stage == FeeDisputeStage.InMediation ? FeeDisputeStage.Open : Stage,
        MediationFailed = MediationFailed || e.Result == MediationResult.Failed,
        MediationEnded = true,
    };

    public FeeDispute Apply(CreditReferralMade e) => this with { CreditReferred = true };

    public FeeDispute Apply(CreditReferralWithdrawn e) => this with { CreditReferred = false };

    public FeeDispute Apply(FeeDisputeReferredToCourt e) => this with { Stage = FeeDisputeStage.InCourt };

    // These change nothing a decision reads, but the fold must know them.
    public FeeDispute Apply(InstalmentMissed e) => this;

    public FeeDispute Apply(DefectComplaintResolved e) => this;

    public FeeDispute AtVersion(long version) => this with { Version = version };
}
