using Shouldly;
using Whistle.Assessment.Compounds;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.FeeDisputes;
using Xunit;

namespace Whistle.UnitTests.Assessment;

public class CompoundProfileTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData("2026-10-29", false)]
    [InlineData("2026-05-28", false)]
    [InlineData("2026-05-27", true)]
    [InlineData(null, true)]
    public void a_formed_committee_is_dormant_after_six_months_without_recorded_activity(string? lastActivity, bool dormant) =>
        CompoundProfile.IsDormant(
                new OwnersCommittee(true, new DateOnly(2025, 6, 23), new DateOnly(2030, 6, 22), lastActivity is null ? null : DateOnly.Parse(lastActivity, System.Globalization.CultureInfo.InvariantCulture)),
                Today, 6)
            .ShouldBe(dormant);

    [Fact]
    public void a_compound_without_a_committee_has_none_to_be_dormant() =>
        CompoundProfile.IsDormant(new OwnersCommittee(false, null, null, null), Today, 6).ShouldBeFalse();

    [Fact]
    public void the_months_are_configurable() =>
        CompoundProfile.IsDormant(new OwnersCommittee(true, null, null, new DateOnly(2026, 9, 1)), Today, 2).ShouldBeTrue();

    [Fact]
    public void complaints_are_counted_by_category_and_status() =>
        CompoundProfile.ByCategory(
        [
            ("property-service", ComplaintStatus.Resolved), ("illegal-parking", ComplaintStatus.Lodged),
            ("property-service", ComplaintStatus.Resolved), ("property-service", ComplaintStatus.Lodged),
        ]).ShouldBe(
        [
            new CategoryCount("illegal-parking", ComplaintStatus.Lodged, 1),
            new CategoryCount("property-service", ComplaintStatus.Lodged, 1),
            new CategoryCount("property-service", ComplaintStatus.Resolved, 2),
        ]);

    [Fact]
    public void fee_disputes_count_open_and_closed_and_sum_what_the_open_ones_claim() =>
        CompoundProfile.Disputes(
        [
            (FeeDisputeStage.Open, 1200m), (FeeDisputeStage.InMediation, 800.5m), (FeeDisputeStage.Settled, 0m), (FeeDisputeStage.InCourt, 3000m),
        ]).ShouldBe(new FeeDisputeCounts(2, 2, 2000.5m));
}
