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

/// <summary>The write model of a fee dispute: only what its decisions read.</summary>
public sealed class FeeDispute
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Number { get; set; } = "";
    public FeeDisputeStage Stage { get; set; }
    public string PropertyCompanyCode { get; set; } = "";
    public string CompoundCode { get; set; } = "";
    public string CommunityCode { get; set; } = "";
    public string SubDistrictCode { get; set; } = "";
    public string OwnerName { get; set; } = "";
    public decimal Outstanding { get; set; }
    public DateOnly? DemandPayBy { get; set; }
    public Guid? Mediation { get; set; }
    public bool MediationFailed { get; set; }
    /// <summary>The current mediation has reported its result.</summary>
    public bool MediationEnded { get; set; }
    public bool CreditReferred { get; set; }
    public int Plan { get; set; }
    public int GraceDays { get; set; }
    public List<Instalment> Instalments { get; set; } = [];
    public List<int> PaidInstalments { get; set; } = [];
    public List<Guid> DefectComplaints { get; set; } = [];

    public bool IsClosed => Stage is FeeDisputeStage.Settled or FeeDisputeStage.InCourt;

    public Instalment? Unpaid(int plan, int number) =>
        plan == Plan && Stage == FeeDisputeStage.PlanInProgress && !PaidInstalments.Contains(number)
            ? Instalments.FirstOrDefault(i => i.Number == number)
            : null;

    public static FeeDispute Create(FeeDisputeRaised e) => new()
    {
        Id = e.FeeDisputeId,
        Number = e.Number,
        Stage = FeeDisputeStage.Open,
        PropertyCompanyCode = e.PropertyCompanyCode,
        CompoundCode = e.CompoundCode,
        CommunityCode = e.CommunityCode,
        SubDistrictCode = e.SubDistrictCode,
        OwnerName = e.OwnerName,
        Outstanding = e.AmountOwed,
    };

    public void Apply(OwnerReasonsRecorded e) => DefectComplaints = e.DefectComplaints.ToList();

    public void Apply(DemandIssued e) => DemandPayBy = e.PayBy;

    public void Apply(FeePaid e)
    {
        Outstanding = e.Outstanding;
        if (Outstanding == 0) Stage = FeeDisputeStage.Settled;
    }

    public void Apply(WaiverGranted e) => Outstanding = e.Outstanding;

    public void Apply(PaymentPlanAgreed e)
    {
        Stage = FeeDisputeStage.PlanInProgress;
        Plan = e.Plan;
        GraceDays = e.GraceDays;
        Instalments = e.Instalments.ToList();
        PaidInstalments = [];
    }

    public void Apply(InstalmentPaid e)
    {
        PaidInstalments.Add(e.Number);
        Outstanding -= e.Amount;
    }

    public void Apply(PaymentPlanDefaulted e) => Stage = FeeDisputeStage.PlanDefaulted;

    public void Apply(PaymentPlanCompleted e) => Stage = FeeDisputeStage.Settled;

    public void Apply(FeeDisputeReferredToMediation e)
    {
        Stage = FeeDisputeStage.InMediation;
        Mediation = e.MediationCaseId;
        MediationEnded = false;
    }

    public void Apply(FeeDisputeMediationEnded e)
    {
        if (Stage == FeeDisputeStage.InMediation) Stage = FeeDisputeStage.Open;
        if (e.Result == MediationResult.Failed) MediationFailed = true;
        MediationEnded = true;
    }

    public void Apply(CreditReferralMade e) => CreditReferred = true;

    public void Apply(CreditReferralWithdrawn e) => CreditReferred = false;

    public void Apply(FeeDisputeReferredToCourt e) => Stage = FeeDisputeStage.InCourt;

    // These change nothing a decision reads, but the fold must know them.
    public void Apply(InstalmentMissed e) { }

    public void Apply(DefectComplaintResolved e) { }
}
