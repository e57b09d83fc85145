using Whistle.Kernel;
using Whistle.Mediation;

namespace Whistle.FeeDisputes;

// Every event of a FeeDispute stream (物业费纠纷): raised → the owner's reasons → a formal demand → settled by
// payment, a payment plan or a partial waiver, or referred to mediation → a credit-record referral only after a
// failed mediation and a passed demand → court. Each carries the dispute id, the actor and the business time.

public enum DisputeRaiser
{
    Company = 1,  // 物业企业追缴
    Owner = 2,    // 业主投诉收费
}

public enum OwnerReason
{
    ServiceDefect = 1,  // 服务不到位
    Vacancy = 2,        // 房屋空置
    Price = 3,          // 收费标准
    Hardship = 4,       // 经济困难
}

/// <summary>Fee subsidy eligibility of a household in hardship.</summary>
public enum Subsidy
{
    None = 0,
    Dibao = 1,  // 低保 minimum-living-allowance household
    Wubao = 2,  // 五保 / 特困 five-guarantee household
}

public sealed record BillingPeriod(DateOnly From, DateOnly To);

public sealed record Instalment(int Number, decimal Amount, DateOnly DueOn);

/// <summary>
/// The dispute is raised over a unit of a compound. <see cref="CompoundName"/> is the compound's name that day, so that
/// the read models show it without looking the directory up; absent from disputes raised before it was recorded.
/// </summary>
public sealed record FeeDisputeRaised(
    Guid FeeDisputeId, string Number, DisputeRaiser RaisedBy, string PropertyCompanyCode, string CompoundCode,
    string CommunityCode, string SubDistrictCode, string Unit, string OwnerName, string OwnerPhone,
    BillingPeriod Period, decimal AmountOwed, Actor By, DateTimeOffset At, string? CompoundName = null);

public sealed record OwnerReasonsRecorded(
    Guid FeeDisputeId, IReadOnlyList<OwnerReason> Reasons, IReadOnlyList<Guid> DefectComplaints, Subsidy Subsidy,
    string? Statement, Actor By, DateTimeOffset At);

/// <summary>
/// 催告: a formal demand with a reasonable deadline (Civil Code art. 944) — a condition of credit referral.
/// <see cref="IssuedOn"/> is the day the demand went out, when it was sent before it was recorded here.
/// </summary>
public sealed record DemandIssued(Guid FeeDisputeId, decimal Amount, DateOnly PayBy, Actor By, DateTimeOffset At, DateOnly? IssuedOn = null);

public sealed record FeePaid(Guid FeeDisputeId, decimal Amount, decimal Outstanding, Actor By, DateTimeOffset At);

public sealed record WaiverGranted(Guid FeeDisputeId, decimal Waived, string Reason, decimal Outstanding, Actor By, DateTimeOffset At);

public sealed record PaymentPlanAgreed(
    Guid FeeDisputeId, int Plan, decimal SettledAmount, IReadOnlyList<Instalment> Instalments, int GraceDays,
    Actor By, DateTimeOffset At);

public sealed record InstalmentPaid(Guid FeeDisputeId, int Plan, int Number, decimal Amount, Actor By, DateTimeOffset At);

/// <summary>An instalment's due day passed unpaid: the owner is reminded, and the plan defaults if the grace period passes too.</summary>
public sealed record InstalmentMissed(Guid FeeDisputeId, int Plan, int Number, DateOnly DueOn, DateOnly GraceEndsOn, DateTimeOffset At) : IRecordsTimePassing;

public sealed record PaymentPlanDefaulted(Guid FeeDisputeId, int Plan, int Number, DateTimeOffset At) : IRecordsTimePassing;

/// <summary>The last instalment was paid. <c>By</c> is the one who recorded it (absent from events before it was added).</summary>
public sealed record PaymentPlanCompleted(Guid FeeDisputeId, int Plan, DateTimeOffset At, Actor? By = null);

public sealed record FeeDisputeReferredToMediation(Guid FeeDisputeId, Guid MediationCaseId, string MediationNumber, Actor By, DateTimeOffset At);

public sealed record FeeDisputeMediationEnded(Guid FeeDisputeId, Guid MediationCaseId, MediationResult Result, Actor By, DateTimeOffset At);

/// <summary>征信: the owner's refusal entered into the credit record.</summary>
public sealed record CreditReferralMade(Guid FeeDisputeId, string Basis, Actor By, DateTimeOffset At);

public sealed record CreditReferralWithdrawn(Guid FeeDisputeId, string Reason, Actor By, DateTimeOffset At);

public sealed record FeeDisputeReferredToCourt(Guid FeeDisputeId, string Court, string? Reference, Actor By, DateTimeOffset At);

/// <summary>A complaint the owner gave as a service defect was resolved: the reason may be gone.</summary>
public sealed record DefectComplaintResolved(Guid FeeDisputeId, Guid ComplaintId, string ComplaintNumber, Actor By, DateTimeOffset At);

/// <summary>
/// Every event of a fee-dispute stream, its opening event first: registered with Marten by <see cref="FeeDisputesSetup"/>,
/// and each one after the first folded by the write model and the details projection (a unit test holds them to it).
/// </summary>
public static class FeeDisputeEventTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(FeeDisputeRaised),
        typeof(OwnerReasonsRecorded),
        typeof(DemandIssued),
        typeof(FeePaid),
        typeof(WaiverGranted),
        typeof(PaymentPlanAgreed),
        typeof(InstalmentPaid),
        typeof(InstalmentMissed),
        typeof(PaymentPlanDefaulted),
        typeof(PaymentPlanCompleted),
        typeof(FeeDisputeReferredToMediation),
        typeof(FeeDisputeMediationEnded),
        typeof(CreditReferralMade),
        typeof(CreditReferralWithdrawn),
        typeof(FeeDisputeReferredToCourt),
        typeof(DefectComplaintResolved),
    ];
}

// The passing of time, scheduled when a plan is agreed, never cancelled; each carries the plan and instalment it was set for.

public sealed record InstalmentDue(Guid FeeDisputeId, int Plan, int Number, DateOnly DueOn) : ITimePassed;

public sealed record InstalmentGraceExpired(Guid FeeDisputeId, int Plan, int Number, DateOnly GraceEndsOn) : ITimePassed;
