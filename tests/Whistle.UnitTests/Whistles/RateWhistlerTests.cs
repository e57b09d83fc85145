using Shouldly;
using Whistle.UnitTests.Complaints;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class RateWhistlerTests
{
    private static readonly RateWhistler Rating = new(4, 5, "社区提前协调了业主，现场配合到位。");

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(RateWhistler command, string department, params object[] history) =>
        RateWhistlerEndpoint.Validate(command, WhistleAfter(history), department, Users.DepartmentOfficer(department));

    private static WhistlerRated RatedBy(string department, int wellFounded = 4, int cooperation = 5) =>
        new(WhistleId, department, ComplaintHistory.CommunityId, ComplaintHistory.SubDistrictId, wellFounded, cooperation, null, Officer(department), Now);

    [Fact]
    public void a_department_that_replied_rates_the_whistles_community_and_sub_district()
    {
        var whistle = WhistleAfter(Blown(), SignedFor(Lead), Replied(Lead));
        var command = new RateWhistler(4, 5, "  社区提前协调了业主。 ");

        RateWhistlerEndpoint.Validate(command, whistle, Lead, Users.DepartmentOfficer(Lead)).ShouldBeNoProblem();
        var (_, events) = RateWhistlerEndpoint.Post(command, whistle, Lead, Users.DepartmentOfficer(Lead), Now);

        events.ShouldBeEvents(new WhistlerRated(
            WhistleId, Lead, ComplaintHistory.CommunityId, ComplaintHistory.SubDistrictId, 4, 5, "社区提前协调了业主。", Officer(Lead), Now));
    }

    [Fact]
    public void the_department_may_still_rate_once_the_whistle_has_concluded() =>
        Validate(Rating, Lead, [.. AllReplied, Rated(Lead), Rated(CoHandler), Concluded()]).ShouldBeNoProblem();

    [Fact]
    public void a_reply_returned_for_rework_still_counts_as_replied() =>
        Validate(Rating, Lead, Blown(), SignedFor(Lead), Replied(Lead), Returned(Lead, Original)).ShouldBeNoProblem();

    [Fact]
    public void a_joint_meetings_whistle_has_no_territory_to_rate() =>
        Validate(Rating, Lead, Blown() with { Origin = new WhistleOrigin(Guid.NewGuid(), 1, Guid.NewGuid()) }, SignedFor(Lead), Replied(Lead))
            .ShouldBeConflict("no territory to rate");

    [Fact]
    public void rating_before_the_department_replied_is_a_conflict()
    {
        Validate(Rating, Lead, Blown()).ShouldBeConflict("rates the whistler after replying");
        Validate(Rating, Lead, Blown(), SignedFor(Lead)).ShouldBeConflict("rates the whistler after replying");
    }

    [Fact]
    public void a_second_rating_by_the_same_department_is_a_conflict_and_another_departments_is_not()
    {
        Validate(Rating, Lead, [.. AllReplied, RatedBy(Lead)]).ShouldBeConflict("once per department");
        Validate(Rating, CoHandler, [.. AllReplied, RatedBy(Lead)]).ShouldBeNoProblem();
    }

    [Fact]
    public void a_department_not_on_the_whistle_or_another_departments_officer_finds_nothing()
    {
        Validate(Rating, Other, AllReplied).ShouldBeNotFound();
        RateWhistlerEndpoint.Validate(Rating, WhistleAfter(AllReplied), Lead, Users.DepartmentOfficer(CoHandler)).ShouldBeNotFound();
        RateWhistlerEndpoint.Validate(Rating, WhistleAfter(AllReplied), Lead, Users.Office).ShouldBeNotFound();
    }

    [Fact]
    public void a_department_whose_rejection_was_upheld_is_no_longer_on_the_whistle() =>
        Validate(Rating, Lead, [Blown(), .. RejectedAndPaused(Lead), Upheld(Lead, Other, Original), PauseEnded(Lead)]).ShouldBeNotFound();

    [Theory]
    [InlineData(0, 3, "wellFounded")]
    [InlineData(6, 3, "wellFounded")]
    [InlineData(3, 0, "cooperation")]
    [InlineData(3, null, "cooperation")]
    public void scores_run_from_1_to_5(int? wellFounded, int? cooperation, string field) =>
        Validate(new RateWhistler(wellFounded, cooperation), Lead, AllReplied).ShouldRejectFields(field);

    [Fact]
    public void a_comment_is_at_most_500_characters() =>
        Validate(new RateWhistler(3, 3, new string('好', 501)), Lead, AllReplied).ShouldRejectFields("comment");

    [Fact]
    public void a_stale_expected_version_is_a_conflict() =>
        Validate(Rating with { ExpectedVersion = 2 }, Lead, AllReplied).ShouldBeStaleVersion(2, 5);

    [Fact]
    public void the_write_model_remembers_who_rated() =>
        WhistleAfter([.. AllReplied, RatedBy(Lead)]).RatedWhistler.ShouldBe([Lead]);
}
