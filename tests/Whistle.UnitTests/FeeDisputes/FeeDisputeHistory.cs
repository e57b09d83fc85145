using System.Reflection;
using JasperFx.Events;
using Shouldly;
using Whistle.County.Directory;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Wolverine;

namespace Whistle.UnitTests.FeeDisputes;

/// <summary>
/// The Given events of fee-dispute tests: 安澜县东盛物业 (PC01) claims a year's fees of 2,400.00 from the owner of
/// 东关花园 3 栋 2 单元 501, and the events that can follow. Amounts are whole yuan so that sums compare exactly.
/// </summary>
public static class FeeDisputeHistory
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The business time decisions run at: Monday 2026-03-02 10:00 China time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, China);

    public static readonly DateOnly Today = new(2026, 3, 2);

    public static readonly DateTimeOffset RaisedAt = new(2026, 1, 5, 9, 0, 0, China);

    public static readonly Guid Id = Guid.Parse("019c0a10-2000-7000-8000-0000000000f1");
    public const string Number = "WY-2026-000042";

    public static readonly Guid MediationId = Guid.Parse("019c0a10-2000-7000-8000-0000000000c1");
    public const string MediationNumber = "TJ-2026-000007";
    public static readonly Guid OtherMediationId = Guid.Parse("019c0a10-2000-7000-8000-0000000000c2");

    public static readonly Guid DefectComplaintId = Guid.Parse("019ab0c2-4a00-7000-8000-000000000123");
    public static readonly Guid OtherDefectComplaintId = Guid.Parse("019ab0c2-4a00-7000-8000-000000000124");

    public const string CompanyCode = "PC01";
    public const string CompanyName = "安澜县东盛物业服务有限公司";
    public const string CompanyPhone = "13900001111";
    public const string CompoundCode = "CP010101";     // 东关花园
    public const string CompoundName = "东关花园";
    public const string CommunityCode = "CM0101";      // 东关社区
    public const string SubDistrictCode = "SD01";      // 城关街道
    public const string OtherCommunityCode = "CM0102"; // 西关社区, same sub-district
    public const string Unit = "3 栋 2 单元 501";
    public const string OwnerName = "王小明";
    public const string OwnerPhone = "13812345678";
    public const decimal AmountOwed = 2400m;

    public static readonly BillingPeriod Year2025 = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    public static readonly Actor Clerk = Users.ClerkActor;

    public static readonly Compound DongguanGarden = new()
    {
        Id = DirectoryIds.Compound(CompoundCode), Code = CompoundCode,
        Info = new CompoundInfo(CompoundName, CommunityCode, SubDistrictCode, "人民路 1 号", 300, CompoundStage.Delivered, CompanyCode,
            new OwnersCommittee(false, null, null, null)),
    };

    public static readonly PropertyCompany Dongsheng = new()
    {
        Id = DirectoryIds.PropertyCompany(CompanyCode), Code = CompanyCode,
        Info = new PropertyCompanyInfo(CompanyName, "91331100MA2A000001", "陈经理", CompanyPhone),
    };

    /// <summary>The three monthly instalments of the usual plan: 800.00 at the end of March, April and May.</summary>
    public static readonly Instalment[] ThreeInstalments =
    [
        new(1, 800m, new DateOnly(2026, 3, 31)),
        new(2, 800m, new DateOnly(2026, 4, 30)),
        new(3, 800m, new DateOnly(2026, 5, 31)),
    ];

    public static FeeDisputeRaised Raised(DisputeRaiser raisedBy = DisputeRaiser.Company, decimal amount = AmountOwed) =>
        new(Id, Number, raisedBy, CompanyCode, CompoundCode, CommunityCode, SubDistrictCode, Unit, OwnerName, OwnerPhone,
            Year2025, amount, Clerk, RaisedAt, CompoundName);

    public static OwnerReasonsRecorded ReasonsRecorded(params OwnerReason[] reasons) =>
        new(Id, reasons, reasons.Contains(OwnerReason.ServiceDefect) ? [DefectComplaintId] : [], Subsidy.None, "电梯长期停运。",
            Clerk, RaisedAt.AddDays(1));

    public static DemandIssued Demanded(DateOnly payBy, decimal amount = AmountOwed) =>
        new(Id, amount, payBy, Clerk, RaisedAt.AddDays(2));

    public static FeePaid Paid(decimal amount, decimal outstanding) => new(Id, amount, outstanding, Clerk, RaisedAt.AddDays(3));

    public static WaiverGranted Waived(decimal amount, decimal outstanding) =>
        new(Id, amount, "空置期减免", outstanding, Clerk, RaisedAt.AddDays(3));

    public static PaymentPlanAgreed PlanAgreed(int plan = 1, int graceDays = 15, params Instalment[] instalments)
    {
        var chosen = instalments.Length == 0 ? ThreeInstalments : instalments;
        return new(Id, plan, chosen.Sum(i => i.Amount), chosen, graceDays, Clerk, RaisedAt.AddDays(4 * plan));
    }

    public static InstalmentPaid InstalmentPaid(int number, int plan = 1, decimal amount = 800m) =>
        new(Id, plan, number, amount, Clerk, RaisedAt.AddDays(10 * plan).AddHours(number));

    public static InstalmentMissed Missed(int number, int plan = 1)
    {
        var due = ThreeInstalments[number - 1].DueOn;
        return new(Id, plan, number, due, due.AddDays(15), FeeDisputeRules.EndOf(due));
    }

    public static PaymentPlanDefaulted Defaulted(int number = 1, int plan = 1) =>
        new(Id, plan, number, FeeDisputeRules.EndOf(ThreeInstalments[number - 1].DueOn.AddDays(15)));

    public static PaymentPlanCompleted Completed(int plan = 1) => new(Id, plan, RaisedAt.AddDays(60));

    public static FeeDisputeReferredToMediation ReferredToMediation(Guid? caseId = null) =>
        new(Id, caseId ?? MediationId, MediationNumber, Clerk, RaisedAt.AddDays(5));

    public static FeeDisputeMediationEnded MediationEnded(MediationResult result, Guid? caseId = null) =>
        new(Id, caseId ?? MediationId, result, Users.ClerkActor, RaisedAt.AddDays(20));

    public static CreditReferralMade CreditReferred() => new(Id, "调解不成且催告期满仍拒不缴纳", Clerk, RaisedAt.AddDays(40));

    public static CreditReferralWithdrawn CreditWithdrawn() => new(Id, "分期已履行完毕", Clerk, RaisedAt.AddDays(90));

    public static FeeDisputeReferredToCourt ReferredToCourt() =>
        new(Id, "安澜县人民法院", "(2026)浙1101民初123号", Clerk, RaisedAt.AddDays(50));

    public static DefectComplaintResolved DefectResolved(Guid? complaintId = null) =>
        new(Id, complaintId ?? DefectComplaintId, "TS-2026-000123", Clerk, RaisedAt.AddDays(6));

    /// <summary>A failed mediation and a demand whose deadline (2026-02-20) passed: every condition of a credit referral.</summary>
    public static object[] ReadyForCreditReferral =>
        [Raised(), Demanded(new DateOnly(2026, 2, 20)), ReferredToMediation(), MediationEnded(MediationResult.Failed)];

    /// <summary>The shortest history that leaves the dispute at this stage.</summary>
    public static object[] HistoryOf(FeeDisputeStage stage) => stage switch
    {
        FeeDisputeStage.Open => [Raised()],
        FeeDisputeStage.InMediation => [Raised(), ReferredToMediation()],
        FeeDisputeStage.PlanInProgress => [Raised(), PlanAgreed()],
        FeeDisputeStage.PlanDefaulted => [Raised(), PlanAgreed(), Missed(1), Defaulted(1)],
        FeeDisputeStage.Settled => [Raised(), Paid(AmountOwed, 0m)],
        FeeDisputeStage.InCourt => [Raised(), ReferredToCourt()],
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "No history leads there."),
    };

    /// <summary>The write model after these events, folded through its own Create and Apply.</summary>
    public static FeeDispute DisputeAfter(params object[] events) => EventSpecification.Given<FeeDispute>(events);

    /// <summary>The write model of a dispute at this stage, checked to really be at it.</summary>
    public static FeeDispute DisputeThatIs(FeeDisputeStage stage)
    {
        var dispute = DisputeAfter(HistoryOf(stage));
        return dispute.Stage == stage
            ? dispute
            : throw new InvalidOperationException($"The history of {stage} folds to {dispute.Stage}.");
    }

    /// <summary>The details document as the projection's <c>Create</c> builds it from <see cref="Raised"/> (version 1).</summary>
    public static FeeDisputeDetails RaisedDetails(DisputeRaiser raisedBy = DisputeRaiser.Company) => new()
    {
        Id = Id, Version = 1, Number = Number, Stage = FeeDisputeStage.Open, RaisedBy = raisedBy,
        PropertyCompanyCode = CompanyCode, CompoundCode = CompoundCode, CompoundName = CompoundName,
        CommunityCode = CommunityCode, SubDistrictCode = SubDistrictCode, Unit = Unit, OwnerName = OwnerName,
        OwnerPhone = OwnerPhone, Period = Year2025, AmountOwed = AmountOwed, Outstanding = AmountOwed, RaisedAt = RaisedAt,
    };

    /// <summary>
    /// Plays events through the projection's static <c>Apply(IEvent&lt;T&gt;, FeeDisputeDetails)</c> methods, each at
    /// the next stream version; an event the projection cannot apply throws.
    /// </summary>
    public static FeeDisputeDetails Applied(FeeDisputeDetails details, params object[] events)
    {
        foreach (var data in events)
        {
            var e = EventSpecification.Wrap(data, details.Version + 1);
            var apply = typeof(FeeDisputeDetailsProjection).GetMethod(
                    nameof(FeeDisputeDetailsProjection.Apply), BindingFlags.Public | BindingFlags.Static,
                    [typeof(IEvent<>).MakeGenericType(data.GetType()), typeof(FeeDisputeDetails)])
                ?? throw new InvalidOperationException($"The details projection cannot apply {data.GetType().Name}.");
            details = (FeeDisputeDetails)apply.Invoke(null, [e, details])!;
        }
        return details;
    }

    /// <summary>The details after <see cref="Raised"/> and then these events.</summary>
    public static FeeDisputeDetails DetailsAfter(params object[] events) => Applied(RaisedDetails(), events);
}

public static class FeeDisputeAssertions
{
    /// <summary>Unwraps Wolverine's <c>ScheduledAt</c> envelopes of the fee-dispute timers so they compare by value.</summary>
    public static IReadOnlyList<Scheduled> Timers(this OutgoingMessages messages) =>
        messages.Select(m => m switch
        {
            DeliveryMessage<InstalmentDue> d => new Scheduled(d.Message, d.Options.ScheduledTime),
            DeliveryMessage<InstalmentGraceExpired> d => new Scheduled(d.Message, d.Options.ScheduledTime),
            _ => new Scheduled(m, null),
        }).ToList();

    /// <summary>Exactly these timers, at exactly these times, in this order.</summary>
    public static void ShouldScheduleExactly(this OutgoingMessages messages, params Scheduled[] expected) =>
        messages.Timers().ShouldBe(expected);
}

/// <summary>A clock that always answers the same instant, for the <c>Validate</c> overloads that read a <see cref="TimeProvider"/>.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
