using Shouldly;
using Whistle.FeeDisputes;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class AgreePaymentPlanTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static InstalmentInput[] Inputs(params Instalment[] instalments) =>
        instalments.Select(i => new InstalmentInput(i.Amount, i.DueOn)).ToArray();

    private static AgreePaymentPlan ThreeMonths(int? graceDays = null) => new(AmountOwed, Inputs(ThreeInstalments), graceDays);

    /// <summary>This many monthly instalments of 100.00 from the end of March 2026.</summary>
    private static InstalmentInput[] Monthly(int count) =>
        Enumerable.Range(0, count).Select(n => new InstalmentInput(100m, new DateOnly(2026, 3, 31).AddMonths(n))).ToArray();

    [Fact]
    public void agreeing_a_plan_schedules_each_instalment_at_the_end_of_its_due_day()
    {
        var (_, events, messages) = AgreePaymentPlanEndpoint.Post(ThreeMonths(), DisputeAfter(Raised()), Users.Clerk, Now);

        events.ShouldBeEvents(new PaymentPlanAgreed(Id, 1, AmountOwed, ThreeInstalments, 15, Users.ClerkActor, Now));
        messages.ShouldScheduleExactly(
            new Scheduled(new InstalmentDue(Id, 1, 1, new DateOnly(2026, 3, 31)), new DateTimeOffset(2026, 4, 1, 0, 0, 0, China)),
            new Scheduled(new InstalmentDue(Id, 1, 2, new DateOnly(2026, 4, 30)), new DateTimeOffset(2026, 5, 1, 0, 0, 0, China)),
            new Scheduled(new InstalmentDue(Id, 1, 3, new DateOnly(2026, 5, 31)), new DateTimeOffset(2026, 6, 1, 0, 0, 0, China)));
    }

    [Fact]
    public void the_agreed_grace_days_replace_the_default_fifteen()
    {
        var (_, events, _) = AgreePaymentPlanEndpoint.Post(ThreeMonths(30), DisputeAfter(Raised()), Users.Clerk, Now);

        events.OfType<PaymentPlanAgreed>().ShouldHaveSingleItem().GraceDays.ShouldBe(30);
    }

    [Fact]
    public void the_dispute_runs_the_plan_it_agreed()
    {
        var dispute = DisputeAfter(Raised(), PlanAgreed(graceDays: 20));

        (dispute.Stage, dispute.Plan, dispute.GraceDays, dispute.Outstanding).ShouldBe((FeeDisputeStage.PlanInProgress, 1, 20, AmountOwed));
        dispute.Instalments.ShouldBe(ThreeInstalments);
        dispute.PaidInstalments.ShouldBeEmpty();
    }

    [Fact]
    public void a_plan_after_a_default_is_the_next_plan_over_what_remains()
    {
        object[] history = [Raised(), PlanAgreed(), InstalmentPaid(1), Missed(2), Defaulted(2)];
        Instalment[] two = [new(1, 800m, new DateOnly(2026, 3, 20)), new(2, 800m, new DateOnly(2026, 4, 20))];

        var (_, events, messages) = AgreePaymentPlanEndpoint.Post(new AgreePaymentPlan(1600m, Inputs(two), 10), DisputeAfter(history), Users.Clerk, Now);

        events.ShouldBeEvents(new PaymentPlanAgreed(Id, 2, 1600m, two, 10, Users.ClerkActor, Now));
        messages.ShouldScheduleExactly(
            new Scheduled(new InstalmentDue(Id, 2, 1, new DateOnly(2026, 3, 20)), new DateTimeOffset(2026, 3, 21, 0, 0, 0, China)),
            new Scheduled(new InstalmentDue(Id, 2, 2, new DateOnly(2026, 4, 20)), new DateTimeOffset(2026, 4, 21, 0, 0, 0, China)));
        var dispute = DisputeAfter([.. history, .. events]);
        (dispute.Stage, dispute.Plan, dispute.GraceDays, dispute.PaidInstalments.Count).ShouldBe((FeeDisputeStage.PlanInProgress, 2, 10, 0));
    }

    [Fact]
    public void the_second_plan_passes_validation_over_what_the_first_left() =>
        AgreePaymentPlanEndpoint.Check(
                new AgreePaymentPlan(1600m, [new(800m, new DateOnly(2026, 3, 20)), new(800m, new DateOnly(2026, 4, 20))]),
                DisputeAfter(Raised(), PlanAgreed(), InstalmentPaid(1), Missed(2), Defaulted(2)), Users.Clerk, Now)
            .ShouldBeNoProblem();

    [Fact]
    public void a_plan_settling_all_that_is_outstanding_passes_validation() =>
        AgreePaymentPlanEndpoint.Check(ThreeMonths(), DisputeAfter(Raised()), Users.Clerk, Now).ShouldBeNoProblem();

    [Fact]
    public void a_plan_over_what_remains_after_a_waiver_passes_validation() =>
        AgreePaymentPlanEndpoint.Check(
                new AgreePaymentPlan(2000m, [new(1000m, new DateOnly(2026, 3, 31)), new(1000m, new DateOnly(2026, 4, 30))]),
                DisputeAfter(Raised(), Waived(400m, 2000m)), Users.Clerk, Now)
            .ShouldBeNoProblem();

    [Fact]
    public void the_instalments_must_add_up_to_the_amount_settled() =>
        AgreePaymentPlanEndpoint.Check(
                ThreeMonths() with { Instalments = [new(800m, new DateOnly(2026, 3, 31)), new(800m, new DateOnly(2026, 4, 30)), new(700m, new DateOnly(2026, 5, 31))] },
                DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("instalments", "The instalments add up to 2300.00, not 2400.00");

    [Fact]
    public void the_amount_settled_is_all_that_is_outstanding() =>
        AgreePaymentPlanEndpoint.Check(
                new AgreePaymentPlan(2000m, [new(1000m, new DateOnly(2026, 3, 31)), new(1000m, new DateOnly(2026, 4, 30))]),
                DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("settledAmount", "The plan settles the 2400.00 outstanding; record a waiver first");

    [Fact]
    public void the_amount_settled_is_required() =>
        AgreePaymentPlanEndpoint.Check(ThreeMonths() with { SettledAmount = null }, DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("settledAmount", "Required");

    [Fact]
    public void a_single_instalment_is_no_plan() =>
        AgreePaymentPlanEndpoint.Check(new AgreePaymentPlan(AmountOwed, [new(AmountOwed, new DateOnly(2026, 3, 31))]), DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("instalments", "2 to 36 instalments");

    [Fact]
    public void a_plan_without_instalments_is_rejected() =>
        AgreePaymentPlanEndpoint.Check(new AgreePaymentPlan(AmountOwed, null), DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("instalments", "2 to 36 instalments");

    [Fact]
    public void thirty_six_instalments_are_allowed() =>
        AgreePaymentPlanEndpoint.Check(new AgreePaymentPlan(3600m, Monthly(36)), DisputeAfter(Raised(amount: 3600m)), Users.Clerk, Now)
            .ShouldBeNoProblem();

    [Fact]
    public void thirty_seven_instalments_are_too_many() =>
        AgreePaymentPlanEndpoint.Check(new AgreePaymentPlan(3700m, Monthly(37)), DisputeAfter(Raised(amount: 3700m)), Users.Clerk, Now)
            .ShouldRejectField("instalments", "2 to 36 instalments");

    [Fact]
    public void each_instalment_falls_due_after_the_one_before()
    {
        var sameDay = ThreeMonths() with { Instalments = [new(800m, new DateOnly(2026, 3, 31)), new(800m, new DateOnly(2026, 3, 31)), new(800m, new DateOnly(2026, 5, 31))] };
        var earlier = ThreeMonths() with { Instalments = [new(800m, new DateOnly(2026, 3, 31)), new(800m, new DateOnly(2026, 4, 30)), new(800m, new DateOnly(2026, 4, 29))] };

        AgreePaymentPlanEndpoint.Check(sameDay, DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("instalments[1].dueOn", "Each instalment falls due after the one before");
        AgreePaymentPlanEndpoint.Check(earlier, DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("instalments[2].dueOn", "Each instalment falls due after the one before");
    }

    [Fact]
    public void no_instalment_falls_due_in_the_past() =>
        AgreePaymentPlanEndpoint.Check(
                ThreeMonths() with { Instalments = [new(800m, Today.AddDays(-1)), new(800m, new DateOnly(2026, 4, 30)), new(800m, new DateOnly(2026, 5, 31))] },
                DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("instalments[0].dueOn", "Not before today");

    [Fact]
    public void an_instalment_may_fall_due_today() =>
        AgreePaymentPlanEndpoint.Check(
                ThreeMonths() with { Instalments = [new(800m, Today), new(800m, new DateOnly(2026, 4, 30)), new(800m, new DateOnly(2026, 5, 31))] },
                DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldBeNoProblem();

    [Fact]
    public void today_is_the_countys_day_not_utcs() =>
        AgreePaymentPlanEndpoint.Check(
                ThreeMonths() with { Instalments = [new(800m, new DateOnly(2026, 3, 1)), new(800m, new DateOnly(2026, 4, 30)), new(800m, new DateOnly(2026, 5, 31))] },
                DisputeAfter(Raised()), Users.Clerk, new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero))
            .ShouldRejectField("instalments[0].dueOn", "Not before today");

    [Fact]
    public void each_instalment_needs_an_amount_and_a_due_day() =>
        AgreePaymentPlanEndpoint.Check(
                ThreeMonths() with { Instalments = [new(800m, new DateOnly(2026, 3, 31)), new(null, new DateOnly(2026, 4, 30)), new(800m, null)] },
                DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectFields("instalments[1].amount", "instalments[2].dueOn", "instalments");

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public void grace_days_are_one_to_ninety(int graceDays) =>
        AgreePaymentPlanEndpoint.Check(ThreeMonths(graceDays), DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("graceDays", "1 to 90 days");

    [Theory]
    [InlineData(1)]
    [InlineData(90)]
    public void one_or_ninety_grace_days_are_allowed(int graceDays) =>
        AgreePaymentPlanEndpoint.Check(ThreeMonths(graceDays), DisputeAfter(Raised()), Users.Clerk, Now).ShouldBeNoProblem();

    [Fact]
    public void no_second_plan_while_one_runs() =>
        AgreePaymentPlanEndpoint.Check(ThreeMonths(), DisputeThatIs(FeeDisputeStage.PlanInProgress), Users.Clerk, Now)
            .ShouldBeConflict("it cannot take a second plan while a payment plan runs");

    [Theory]
    [InlineData(FeeDisputeStage.Settled)]
    [InlineData(FeeDisputeStage.InCourt)]
    public void a_closed_dispute_takes_no_plan(FeeDisputeStage stage) =>
        AgreePaymentPlanEndpoint.Check(ThreeMonths(), DisputeThatIs(stage), Users.Clerk, Now).ShouldBeConflict("nothing more can be done on it");

    [Fact]
    public void a_dispute_outside_the_workers_community_is_not_found() =>
        AgreePaymentPlanEndpoint.Check(ThreeMonths(), DisputeAfter(Raised()), Users.CommunityWorker(OtherCommunityCode, SubDistrictCode), Now)
            .ShouldBeNotFound();

    [Fact]
    public void validation_reads_the_clock() =>
        AgreePaymentPlanEndpoint.Validate(ThreeMonths(), DisputeAfter(Raised()), Users.Clerk, new FixedClock(new DateTimeOffset(2026, 6, 1, 9, 0, 0, China)))
            .ShouldRejectFields("instalments[0].dueOn", "instalments[1].dueOn", "instalments[2].dueOn");
}
