using Shouldly;
using Whistle.FeeDisputes;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class GrantWaiverTests
{
    private static GrantWaiver Vacancy(decimal amount = 400m) => new(amount, "  2025 年 1–2 月房屋空置  ");

    [Fact]
    public void a_partial_waiver_leaves_the_rest_outstanding_with_its_reason()
    {
        var (_, events) = GrantWaiverEndpoint.Post(Vacancy(), DisputeAfter(Raised()), Users.Clerk, Now);

        events.ShouldBeEvents(new WaiverGranted(Id, 400m, "2025 年 1–2 月房屋空置", 2000m, Users.ClerkActor, Now));
        var dispute = DisputeAfter([Raised(), .. events]);
        (dispute.Outstanding, dispute.Stage).ShouldBe((2000m, FeeDisputeStage.Open));
    }

    [Fact]
    public void a_second_waiver_reduces_what_the_first_left()
    {
        var (_, events) = GrantWaiverEndpoint.Post(Vacancy(500m), DisputeAfter(Raised(), Waived(400m, 2000m)), Users.Clerk, Now);

        events.OfType<WaiverGranted>().ShouldHaveSingleItem().Outstanding.ShouldBe(1500m);
    }

    [Fact]
    public void a_partial_waiver_with_a_reason_passes_validation() =>
        GrantWaiverEndpoint.Validate(Vacancy(2399.99m), DisputeAfter(Raised()), Users.Clerk).ShouldBeNoProblem();

    [Fact]
    public void waiving_all_that_is_owed_is_not_a_partial_waiver() =>
        GrantWaiverEndpoint.Validate(Vacancy(2400m), DisputeAfter(Raised()), Users.Clerk)
            .ShouldRejectField("amount", "A partial waiver is less than all that is owed");

    [Fact]
    public void waiving_all_that_remains_after_a_payment_is_not_a_partial_waiver() =>
        GrantWaiverEndpoint.Validate(Vacancy(1400m), DisputeAfter(Raised(), Paid(1000m, 1400m)), Users.Clerk)
            .ShouldRejectField("amount", "A partial waiver is less than all that is owed");

    [Fact]
    public void a_waiver_cannot_exceed_what_is_outstanding() =>
        GrantWaiverEndpoint.Validate(Vacancy(3000m), DisputeAfter(Raised()), Users.Clerk).ShouldRejectField("amount", "At most 2400.00");

    [Fact]
    public void a_waiver_is_a_positive_amount() =>
        GrantWaiverEndpoint.Validate(Vacancy(0m), DisputeAfter(Raised()), Users.Clerk)
            .ShouldRejectField("amount", "A positive amount with at most two decimals");

    [Fact]
    public void a_waiver_needs_its_reason()
    {
        GrantWaiverEndpoint.Validate(new GrantWaiver(400m, " "), DisputeAfter(Raised()), Users.Clerk).ShouldRejectField("reason", "Required");
        GrantWaiverEndpoint.Validate(new GrantWaiver(400m, null), DisputeAfter(Raised()), Users.Clerk).ShouldRejectField("reason", "Required");
    }

    [Fact]
    public void a_reason_is_at_most_five_hundred_characters() =>
        GrantWaiverEndpoint.Validate(new GrantWaiver(400m, new string('空', 501)), DisputeAfter(Raised()), Users.Clerk)
            .ShouldRejectField("reason", "At most 500 characters");

    [Fact]
    public void no_waiver_while_a_payment_plan_runs() =>
        GrantWaiverEndpoint.Validate(Vacancy(), DisputeThatIs(FeeDisputeStage.PlanInProgress), Users.Clerk)
            .ShouldBeConflict("it cannot be reduced while a payment plan runs");

    [Theory]
    [InlineData(FeeDisputeStage.Settled)]
    [InlineData(FeeDisputeStage.InCourt)]
    public void a_closed_dispute_takes_no_waiver(FeeDisputeStage stage) =>
        GrantWaiverEndpoint.Validate(Vacancy(), DisputeThatIs(stage), Users.Clerk).ShouldBeConflict("nothing more can be done on it");

    [Fact]
    public void a_dispute_outside_the_workers_community_is_not_found() =>
        GrantWaiverEndpoint.Validate(Vacancy(), DisputeAfter(Raised()), Users.CommunityWorker(OtherCommunityCode, SubDistrictCode))
            .ShouldBeNotFound();
}
