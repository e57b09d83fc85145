using Shouldly;
using Whistle.FeeDisputes;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class PayInstalmentTests
{
    private static readonly object[] PlanRunning = [Raised(), PlanAgreed()];

    [Fact]
    public void an_instalment_paid_lowers_what_is_outstanding_and_the_plan_runs_on()
    {
        var events = PayInstalmentEndpoint.Pay(DisputeAfter(PlanRunning), 1, 800m, Users.ClerkActor, Now);

        events.ShouldBeEvents(new InstalmentPaid(Id, 1, 1, 800m, Users.ClerkActor, Now));
        var dispute = DisputeAfter([.. PlanRunning, .. events]);
        (dispute.Stage, dispute.Outstanding).ShouldBe((FeeDisputeStage.PlanInProgress, 1600m));
        dispute.PaidInstalments.ShouldBe([1]);
    }

    [Fact]
    public void the_endpoint_records_the_instalment_by_the_signed_in_user()
    {
        var (_, events) = PayInstalmentEndpoint.Post(new PayInstalment(800m), DisputeAfter(PlanRunning), 2, Users.Clerk, Now);

        events.ShouldBeEvents(new InstalmentPaid(Id, 1, 2, 800m, Users.ClerkActor, Now));
    }

    [Fact]
    public void the_last_instalment_completes_the_plan_and_settles_the_dispute()
    {
        object[] history = [.. PlanRunning, InstalmentPaid(1), InstalmentPaid(2)];

        var events = PayInstalmentEndpoint.Pay(DisputeAfter(history), 3, 800m, Users.ClerkActor, Now);

        events.ShouldBeEvents(new InstalmentPaid(Id, 1, 3, 800m, Users.ClerkActor, Now), new PaymentPlanCompleted(Id, 1, Now, Users.ClerkActor));
        var dispute = DisputeAfter([.. history, .. events]);
        (dispute.Stage, dispute.Outstanding, dispute.IsClosed).ShouldBe((FeeDisputeStage.Settled, 0m, true));
    }

    [Fact]
    public void the_last_number_paid_first_does_not_complete_the_plan() =>
        PayInstalmentEndpoint.Pay(DisputeAfter(PlanRunning), 3, 800m, Users.ClerkActor, Now)
            .ShouldBeEvents(new InstalmentPaid(Id, 1, 3, 800m, Users.ClerkActor, Now));

    [Fact]
    public void completing_a_plan_withdraws_an_earlier_credit_referral()
    {
        object[] history = [.. ReadyForCreditReferral, CreditReferred(), PlanAgreed(), InstalmentPaid(1), InstalmentPaid(2)];

        var events = PayInstalmentEndpoint.Pay(DisputeAfter(history), 3, 800m, Users.ClerkActor, Now);

        events.ShouldBeEvents(
            new InstalmentPaid(Id, 1, 3, 800m, Users.ClerkActor, Now),
            new PaymentPlanCompleted(Id, 1, Now, Users.ClerkActor),
            new CreditReferralWithdrawn(Id, "分期已履行完毕 The payment plan was fulfilled", Users.ClerkActor, Now));
        var dispute = DisputeAfter([.. history, .. events]);
        (dispute.Stage, dispute.CreditReferred).ShouldBe((FeeDisputeStage.Settled, false));
    }

    [Fact]
    public void an_instalment_of_a_second_plan_is_paid_under_that_plan()
    {
        object[] history = [.. PlanRunning, Missed(1), Defaulted(1), PlanAgreed(plan: 2)];

        PayInstalmentEndpoint.Pay(DisputeAfter(history), 1, 800m, Users.ClerkActor, Now)
            .ShouldBeEvents(new InstalmentPaid(Id, 2, 1, 800m, Users.ClerkActor, Now));
    }

    [Fact]
    public void the_amount_due_passes_validation() =>
        PayInstalmentEndpoint.Validate(new PayInstalment(800m), DisputeAfter(PlanRunning), 1, Users.Clerk).ShouldBeNoProblem();

    [Fact]
    public void a_missed_instalment_is_still_paid_within_its_grace_period() =>
        PayInstalmentEndpoint.Validate(new PayInstalment(800m), DisputeAfter([.. PlanRunning, Missed(1)]), 1, Users.Clerk).ShouldBeNoProblem();

    [Theory]
    [InlineData(799.99)]
    [InlineData(800.01)]
    [InlineData(2400)]
    public void an_instalment_is_paid_in_its_exact_amount(double amount) =>
        PayInstalmentEndpoint.Validate(new PayInstalment((decimal)amount), DisputeAfter(PlanRunning), 1, Users.Clerk)
            .ShouldRejectField("amount", "Instalment 1 is 800.00");

    [Fact]
    public void an_amount_is_required() =>
        PayInstalmentEndpoint.Validate(new PayInstalment(null), DisputeAfter(PlanRunning), 1, Users.Clerk).ShouldRejectField("amount", "Required");

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void an_instalment_the_plan_does_not_have_is_not_found(int number)
    {
        var problem = PayInstalmentEndpoint.Validate(new PayInstalment(800m), DisputeAfter(PlanRunning), number, Users.Clerk);

        problem.ShouldBeNotFound();
        problem.Detail.ShouldNotBeNull().ShouldContain($"There is no instalment {number}.");
    }

    [Fact]
    public void an_instalment_already_paid_is_a_conflict() =>
        PayInstalmentEndpoint.Validate(new PayInstalment(800m), DisputeAfter([.. PlanRunning, InstalmentPaid(1)]), 1, Users.Clerk)
            .ShouldBeConflict("Instalment 1 is already paid.");

    [Theory]
    [InlineData(FeeDisputeStage.Open)]
    [InlineData(FeeDisputeStage.InMediation)]
    [InlineData(FeeDisputeStage.PlanDefaulted)]
    public void no_instalment_is_taken_without_a_running_plan(FeeDisputeStage stage) =>
        PayInstalmentEndpoint.Validate(new PayInstalment(800m), DisputeThatIs(stage), 1, Users.Clerk)
            .ShouldBeConflict("it cannot take an instalment");

    [Fact]
    public void a_settled_dispute_takes_no_instalment() =>
        PayInstalmentEndpoint.Validate(
                new PayInstalment(800m), DisputeAfter([.. PlanRunning, InstalmentPaid(1), InstalmentPaid(2), InstalmentPaid(3), Completed()]), 3, Users.Clerk)
            .ShouldBeConflict("nothing more can be done on it");

    [Fact]
    public void a_dispute_outside_the_workers_community_is_not_found() =>
        PayInstalmentEndpoint.Validate(new PayInstalment(800m), DisputeAfter(PlanRunning), 1, Users.CommunityWorker(OtherCommunityCode, SubDistrictCode))
            .ShouldBeNotFound();

    [Fact]
    public void a_stale_expected_version_is_a_conflict() =>
        PayInstalmentEndpoint.Validate(new PayInstalment(800m, 1), DisputeAfter(PlanRunning), 1, Users.Clerk).ShouldBeStaleVersion(1, 2);
}
