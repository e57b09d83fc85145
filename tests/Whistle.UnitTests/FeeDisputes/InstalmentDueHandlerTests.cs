using Shouldly;
using Whistle.FeeDisputes;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class InstalmentDueHandlerTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly object[] PlanRunning = [Raised(), PlanAgreed()];

    private static InstalmentDue DueOf(int number, int plan = 1) => new(Id, plan, number, ThreeInstalments[number - 1].DueOn);

    /// <summary>The moment the first instalment's due day (2026-03-31) ends in the county.</summary>
    private static readonly DateTimeOffset FirstDueDayOver = new(2026, 4, 1, 0, 0, 0, China);

    [Fact]
    public void an_unpaid_instalment_is_missed_and_its_grace_period_starts()
    {
        var (events, messages) = InstalmentDueHandler.Handle(DueOf(1), DisputeAfter(PlanRunning), FirstDueDayOver);

        events.ShouldBeEvents(new InstalmentMissed(Id, 1, 1, new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 15), FirstDueDayOver));
        messages.ShouldScheduleExactly(new Scheduled(
            new InstalmentGraceExpired(Id, 1, 1, new DateOnly(2026, 4, 15)), new DateTimeOffset(2026, 4, 16, 0, 0, 0, China)));
    }

    [Fact]
    public void the_grace_period_is_the_plans_own()
    {
        var (events, messages) = InstalmentDueHandler.Handle(DueOf(2), DisputeAfter(Raised(), PlanAgreed(graceDays: 31)), FirstDueDayOver);

        events.OfType<InstalmentMissed>().ShouldHaveSingleItem().GraceEndsOn.ShouldBe(new DateOnly(2026, 5, 31));
        messages.ShouldScheduleExactly(new Scheduled(
            new InstalmentGraceExpired(Id, 1, 2, new DateOnly(2026, 5, 31)), new DateTimeOffset(2026, 6, 1, 0, 0, 0, China)));
    }

    [Fact]
    public void a_missed_instalment_leaves_the_plan_running()
    {
        var (events, _) = InstalmentDueHandler.Handle(DueOf(1), DisputeAfter(PlanRunning), FirstDueDayOver);

        DisputeAfter([.. PlanRunning, .. events]).Stage.ShouldBe(FeeDisputeStage.PlanInProgress);
    }

    [Fact]
    public void an_instalment_paid_in_time_is_not_missed() =>
        InstalmentDueHandler.Handle(DueOf(1), DisputeAfter([.. PlanRunning, InstalmentPaid(1)]), FirstDueDayOver).ShouldDoNothing();

    [Fact]
    public void the_instalment_of_an_earlier_plan_is_not_missed_under_a_later_one() =>
        InstalmentDueHandler.Handle(DueOf(2), DisputeAfter([.. PlanRunning, Missed(1), Defaulted(1), PlanAgreed(plan: 2)]), FirstDueDayOver)
            .ShouldDoNothing();

    [Fact]
    public void an_instalment_of_a_defaulted_plan_is_not_missed_again() =>
        InstalmentDueHandler.Handle(DueOf(2), DisputeAfter([.. PlanRunning, Missed(1), Defaulted(1)]), FirstDueDayOver).ShouldDoNothing();

    [Fact]
    public void a_dispute_settled_after_its_plan_defaulted_misses_nothing() =>
        InstalmentDueHandler.Handle(DueOf(2), DisputeAfter([.. PlanRunning, Missed(1), Defaulted(1), Paid(AmountOwed, 0m)]), FirstDueDayOver)
            .ShouldDoNothing();

    [Fact]
    public void a_dispute_in_court_misses_nothing() =>
        InstalmentDueHandler.Handle(DueOf(1), DisputeAfter([.. PlanRunning, ReferredToCourt()]), FirstDueDayOver).ShouldDoNothing();
}

public class InstalmentGraceExpiredHandlerTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly object[] FirstMissed = [Raised(), PlanAgreed(), Missed(1)];

    private static readonly InstalmentGraceExpired GraceOfFirst = new(Id, 1, 1, new DateOnly(2026, 4, 15));

    private static readonly DateTimeOffset GraceOver = new(2026, 4, 16, 0, 0, 0, China);

    [Fact]
    public void a_missed_instalment_still_unpaid_after_its_grace_defaults_the_plan()
    {
        var events = InstalmentGraceExpiredHandler.Handle(GraceOfFirst, DisputeAfter(FirstMissed), GraceOver);

        events.ShouldBeEvents(new PaymentPlanDefaulted(Id, 1, 1, GraceOver));
        var dispute = DisputeAfter([.. FirstMissed, .. events]);
        (dispute.Stage, dispute.IsClosed, dispute.Plan).ShouldBe((FeeDisputeStage.PlanDefaulted, false, 1));
    }

    [Fact]
    public void an_instalment_paid_within_its_grace_keeps_the_plan() =>
        InstalmentGraceExpiredHandler.Handle(GraceOfFirst, DisputeAfter([.. FirstMissed, InstalmentPaid(1)]), GraceOver).ShouldBeEmpty();

    [Fact]
    public void a_later_plan_is_not_defaulted_by_the_grace_of_an_earlier_one() =>
        InstalmentGraceExpiredHandler.Handle(GraceOfFirst, DisputeAfter([.. FirstMissed, Missed(2), Defaulted(2), PlanAgreed(plan: 2)]), GraceOver)
            .ShouldBeEmpty();

    [Fact]
    public void a_plan_already_defaulted_defaults_once() =>
        InstalmentGraceExpiredHandler.Handle(GraceOfFirst, DisputeAfter([.. FirstMissed, Defaulted(1)]), GraceOver).ShouldBeEmpty();

    [Fact]
    public void a_settled_dispute_does_not_default() =>
        InstalmentGraceExpiredHandler.Handle(GraceOfFirst, DisputeAfter([.. FirstMissed, Defaulted(2), Paid(AmountOwed, 0m)]), GraceOver)
            .ShouldBeEmpty();
}
