using System.Globalization;
using Shouldly;
using Whistle.FeeDisputes;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class IssueDemandTests
{
    /// <summary>Sunday 2026-03-01 20:00 UTC: already Monday 2026-03-02 04:00 in the county.</summary>
    private static readonly DateTimeOffset UtcEveningBefore = new(2026, 3, 1, 20, 0, 0, TimeSpan.Zero);

    private static IssueDemand PayIn(int days, decimal amount = AmountOwed) => new(amount, Today.AddDays(days));

    [Fact]
    public void issues_a_formal_demand_to_pay_by_the_deadline()
    {
        var (_, events) = IssueDemandEndpoint.Post(PayIn(30), DisputeAfter(Raised()), Users.Clerk, Now);

        events.ShouldBeEvents(new DemandIssued(Id, AmountOwed, new DateOnly(2026, 4, 1), Users.ClerkActor, Now, Today));
    }

    [Fact]
    public void a_demand_the_company_already_sent_keeps_the_day_it_went_out()
    {
        var command = new IssueDemand(AmountOwed, new DateOnly(2026, 3, 20), new DateOnly(2026, 2, 20));

        var (_, events) = IssueDemandEndpoint.Post(command, DisputeAfter(Raised()), Users.Clerk, Now);

        events.ShouldBeEvents(new DemandIssued(Id, AmountOwed, new DateOnly(2026, 3, 20), Users.ClerkActor, Now, new DateOnly(2026, 2, 20)));
    }

    [Fact]
    public void the_dispute_remembers_the_demands_deadline() =>
        DisputeAfter(Raised(), Demanded(new DateOnly(2026, 4, 1))).DemandPayBy.ShouldBe(new DateOnly(2026, 4, 1));

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(90)]
    public void a_deadline_of_seven_to_ninety_days_is_reasonable(int days) =>
        IssueDemandEndpoint.Check(PayIn(days), DisputeAfter(Raised()), Users.Clerk, Now).ShouldBeNoProblem();

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(91)]
    public void a_deadline_under_seven_or_over_ninety_days_is_rejected(int days) =>
        IssueDemandEndpoint.Check(PayIn(days), DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("payBy", "A reasonable deadline: 7 to 90 days after the demand is issued");

    [Fact]
    public void days_are_counted_from_today_in_the_county_not_in_utc()
    {
        var dispute = DisputeAfter(Raised());

        IssueDemandEndpoint.Check(new IssueDemand(AmountOwed, new DateOnly(2026, 3, 8)), dispute, Users.Clerk, UtcEveningBefore)
            .ShouldRejectField("payBy", "7 to 90 days");
        IssueDemandEndpoint.Check(new IssueDemand(AmountOwed, new DateOnly(2026, 5, 31)), dispute, Users.Clerk, UtcEveningBefore)
            .ShouldBeNoProblem();
    }

    [Theory]
    [InlineData("2026-02-27")]
    [InlineData("2026-05-21")]
    public void the_deadline_of_a_demand_already_sent_counts_from_the_day_it_went_out(string payBy) =>
        IssueDemandEndpoint.Check(new IssueDemand(AmountOwed, DateOnly.Parse(payBy, CultureInfo.InvariantCulture), new DateOnly(2026, 2, 20)), DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldBeNoProblem();

    [Theory]
    [InlineData("2026-02-26")]
    [InlineData("2026-05-22")]
    public void a_demand_already_sent_with_an_unreasonable_deadline_is_rejected(string payBy) =>
        IssueDemandEndpoint.Check(new IssueDemand(AmountOwed, DateOnly.Parse(payBy, CultureInfo.InvariantCulture), new DateOnly(2026, 2, 20)), DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("payBy", "7 to 90 days after the demand is issued");

    [Theory]
    [InlineData("2026-03-03")]
    [InlineData("2025-03-01")]
    public void a_demand_goes_out_within_the_last_year_and_not_after_today(string issuedOn)
    {
        var issued = DateOnly.Parse(issuedOn, CultureInfo.InvariantCulture);

        IssueDemandEndpoint.Check(new IssueDemand(AmountOwed, issued.AddDays(30), issued), DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("issuedOn", "Within the last year, and not after today");
    }

    [Fact]
    public void a_demand_sent_a_year_ago_today_is_still_recorded() =>
        IssueDemandEndpoint.Check(new IssueDemand(AmountOwed, new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 2)), DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldBeNoProblem();

    [Fact]
    public void a_demand_sent_today_in_the_county_is_not_in_the_future_though_utc_is_still_on_yesterday() =>
        IssueDemandEndpoint.Check(new IssueDemand(AmountOwed, new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 2)), DisputeAfter(Raised()), Users.Clerk, UtcEveningBefore)
            .ShouldBeNoProblem();

    [Fact]
    public void a_demand_needs_an_amount_and_a_deadline() =>
        IssueDemandEndpoint.Check(new IssueDemand(null, null), DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectFields("amount", "payBy");

    [Fact]
    public void a_demand_for_less_than_all_outstanding_is_accepted() =>
        IssueDemandEndpoint.Check(PayIn(30, 1200m), DisputeAfter(Raised()), Users.Clerk, Now).ShouldBeNoProblem();

    [Fact]
    public void a_demand_cannot_ask_more_than_is_outstanding() =>
        IssueDemandEndpoint.Check(PayIn(30, 2400.01m), DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldRejectField("amount", "At most 2400.00");

    [Fact]
    public void after_a_waiver_the_demand_is_at_most_what_remains() =>
        IssueDemandEndpoint.Check(PayIn(30), DisputeAfter(Raised(), Waived(400m, 2000m)), Users.Clerk, Now)
            .ShouldRejectField("amount", "At most 2000.00");

    [Fact]
    public void no_demand_is_issued_while_a_payment_plan_runs() =>
        IssueDemandEndpoint.Check(PayIn(30), DisputeThatIs(FeeDisputeStage.PlanInProgress), Users.Clerk, Now)
            .ShouldBeConflict("be demanded while a payment plan runs");

    [Theory]
    [InlineData(FeeDisputeStage.InMediation)]
    [InlineData(FeeDisputeStage.PlanDefaulted)]
    public void a_demand_is_issued_in_mediation_or_after_a_defaulted_plan(FeeDisputeStage stage) =>
        IssueDemandEndpoint.Check(PayIn(30), DisputeThatIs(stage), Users.Clerk, Now).ShouldBeNoProblem();

    [Theory]
    [InlineData(FeeDisputeStage.Settled)]
    [InlineData(FeeDisputeStage.InCourt)]
    public void a_closed_dispute_takes_no_demand(FeeDisputeStage stage) =>
        IssueDemandEndpoint.Check(PayIn(30), DisputeThatIs(stage), Users.Clerk, Now).ShouldBeConflict("nothing more can be done on it");

    [Fact]
    public void a_dispute_outside_the_workers_community_is_not_found() =>
        IssueDemandEndpoint.Check(PayIn(30), DisputeAfter(Raised()), Users.CommunityWorker(OtherCommunityCode, SubDistrictCode), Now)
            .ShouldBeNotFound();

    [Fact]
    public void a_stale_expected_version_is_a_conflict() =>
        IssueDemandEndpoint.Check(PayIn(30) with { ExpectedVersion = 3 }, DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldBeStaleVersion(3, 1);

    [Fact]
    public void validation_reads_the_clock() =>
        IssueDemandEndpoint.Validate(new IssueDemand(AmountOwed, new DateOnly(2026, 3, 8)), DisputeAfter(Raised()), Users.Clerk, new FixedClock(UtcEveningBefore))
            .ShouldRejectField("payBy", "7 to 90 days");
}
