using System.Globalization;
using Shouldly;
using Whistle.FeeDisputes;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class RecordFeePaymentTests
{
    [Fact]
    public void a_partial_payment_lowers_what_is_outstanding()
    {
        var (_, events) = RecordFeePaymentEndpoint.Post(new RecordFeePayment(1000m), DisputeAfter(Raised()), Users.Clerk, Now);

        events.ShouldBeEvents(new FeePaid(Id, 1000m, 1400m, Users.ClerkActor, Now));
        var dispute = DisputeAfter([Raised(), .. events]);
        (dispute.Outstanding, dispute.Stage, dispute.IsClosed).ShouldBe((1400m, FeeDisputeStage.Open, false));
    }

    [Fact]
    public void paying_all_that_is_outstanding_settles_the_dispute()
    {
        var (_, events) = RecordFeePaymentEndpoint.Post(new RecordFeePayment(2400m), DisputeAfter(Raised()), Users.Clerk, Now);

        events.ShouldBeEvents(new FeePaid(Id, 2400m, 0m, Users.ClerkActor, Now));
        var dispute = DisputeAfter([Raised(), .. events]);
        (dispute.Outstanding, dispute.Stage, dispute.IsClosed).ShouldBe((0m, FeeDisputeStage.Settled, true));
    }

    [Fact]
    public void paying_the_rest_after_a_waiver_and_a_partial_payment_settles_the_dispute()
    {
        object[] history = [Raised(), Waived(400m, 2000m), Paid(500m, 1500m)];

        var (_, events) = RecordFeePaymentEndpoint.Post(new RecordFeePayment(1500m), DisputeAfter(history), Users.Clerk, Now);

        events.ShouldBeEvents(new FeePaid(Id, 1500m, 0m, Users.ClerkActor, Now));
        DisputeAfter([.. history, .. events]).Stage.ShouldBe(FeeDisputeStage.Settled);
    }

    [Theory]
    [InlineData(FeeDisputeStage.Open)]
    [InlineData(FeeDisputeStage.InMediation)]
    [InlineData(FeeDisputeStage.PlanDefaulted)]
    public void a_payment_is_taken_outside_a_running_plan(FeeDisputeStage stage) =>
        RecordFeePaymentEndpoint.Validate(new RecordFeePayment(100m), DisputeThatIs(stage), Users.Clerk).ShouldBeNoProblem();

    [Fact]
    public void all_that_is_outstanding_may_be_paid_at_once() =>
        RecordFeePaymentEndpoint.Validate(new RecordFeePayment(2400m), DisputeAfter(Raised()), Users.Clerk).ShouldBeNoProblem();

    [Fact]
    public void a_payment_cannot_exceed_what_is_outstanding() =>
        RecordFeePaymentEndpoint.Validate(new RecordFeePayment(2400.01m), DisputeAfter(Raised()), Users.Clerk)
            .ShouldRejectField("amount", "At most 2400.00");

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10.001")]
    public void a_payment_is_a_positive_amount_in_fen(string? amount) =>
        RecordFeePaymentEndpoint.Validate(
                new RecordFeePayment(amount is null ? null : decimal.Parse(amount, CultureInfo.InvariantCulture)), DisputeAfter(Raised()), Users.Clerk)
            .ShouldRejectFields("amount");

    [Fact]
    public void no_payment_is_taken_outside_the_instalments_of_a_running_plan() =>
        RecordFeePaymentEndpoint.Validate(new RecordFeePayment(100m), DisputeThatIs(FeeDisputeStage.PlanInProgress), Users.Clerk)
            .ShouldBeConflict("it cannot take a payment outside its instalments");

    [Theory]
    [InlineData(FeeDisputeStage.Settled)]
    [InlineData(FeeDisputeStage.InCourt)]
    public void a_closed_dispute_takes_no_payment(FeeDisputeStage stage) =>
        RecordFeePaymentEndpoint.Validate(new RecordFeePayment(100m), DisputeThatIs(stage), Users.Clerk)
            .ShouldBeConflict("nothing more can be done on it");

    [Fact]
    public void a_dispute_outside_the_workers_community_is_not_found() =>
        RecordFeePaymentEndpoint.Validate(new RecordFeePayment(100m), DisputeAfter(Raised()), Users.CommunityWorker(OtherCommunityCode, SubDistrictCode))
            .ShouldBeNotFound();

    [Fact]
    public void a_stale_expected_version_is_a_conflict() =>
        RecordFeePaymentEndpoint.Validate(new RecordFeePayment(100m, 1), DisputeAfter(Raised(), Paid(100m, 2300m)), Users.Clerk)
            .ShouldBeStaleVersion(1, 2);
}
