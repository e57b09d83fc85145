using Shouldly;
using Whistle.Complaints;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class ConcludeWhistleTests
{
    private static ComplaintWhistled Whistled() =>
        new(Id, WhistleId, Whistle.County.Deadlines.WhistleType.Routine, [Lead, CoHandler], Whistler, BlownAt);

    private static readonly ConcludeWhistle Conclude = new([new(Lead, 5, "拆除及时。"), new(CoHandler, 4, null)]);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(ConcludeWhistle command, params object[] history) =>
        ConcludeWhistleEndpoint.Validate(command, WhistleAfter(history), Users.CommunityWorker(CommunityId, SubDistrictId));

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Rate(params DepartmentRating[] ratings) =>
        Validate(new ConcludeWhistle(ratings), AllReplied);

    [Fact]
    public void when_every_department_has_replied_the_whistler_rates_each_and_concludes()
    {
        var whistle = WhistleAfter(AllReplied);
        var command = new ConcludeWhistle([new(Lead, 5, "  拆除及时。 "), new(CoHandler, 4, null)]);
        var user = Users.CommunityWorker(CommunityId, SubDistrictId);

        ConcludeWhistleEndpoint.Validate(command, whistle, user).ShouldBeNoProblem();
        var (_, events) = ConcludeWhistleEndpoint.Conclude(command, whistle, Whistler, Now);

        events.ShouldBeEvents(
            new DepartmentRated(WhistleId, Lead, 5, "拆除及时。", Whistler, Now),
            new DepartmentRated(WhistleId, CoHandler, 4, null, Whistler, Now),
            new WhistleConcluded(WhistleId, Id, [Lead, CoHandler], Whistler, Now));
    }

    [Fact]
    public void the_conclusion_is_recorded_on_the_complaint_in_the_same_transaction_and_nothing_is_left_to_a_message()
    {
        var complaint = new WhistleComplaint(EventSpecification.Given<Complaint>(Lodged(), Accepted(), Whistled()));

        var (_, _, complaintAppends) = ConcludeWhistleEndpoint.Post(Conclude, WhistleAfter(AllReplied), complaint, Users.CommunityWorker(CommunityId, SubDistrictId), Now);

        complaintAppends.ShouldHaveSingleItem();
        complaint.Record(c => WhistleOnComplaint.Concluded(c, WhistleId, Whistler, Now)).ShouldHaveSingleItem();
        new WhistleComplaint(null).Record(c => WhistleOnComplaint.Concluded(c, WhistleId, Whistler, Now)).ShouldBeEmpty();
    }

    [Fact]
    public void the_sub_district_officer_of_the_area_may_conclude()
    {
        var whistle = WhistleAfter(AllReplied);
        var user = Users.SubDistrictWorker(SubDistrictId);

        ConcludeWhistleEndpoint.Validate(Conclude, whistle, user).ShouldBeNoProblem();
        ConcludeWhistleEndpoint.Post(Conclude, whistle, new WhistleComplaint(null), user, Now).Item2.OfType<WhistleConcluded>().ShouldHaveSingleItem()
            .By.ShouldBe(Users.SubDistrictWorkerActor);
    }

    [Fact]
    public void a_department_that_has_not_replied_is_named_in_the_conflict() =>
        Validate(Conclude, Blown(), SignedFor(Lead), SignedFor(CoHandler), Replied(Lead))
            .ShouldBeConflict($"Not every department has replied: {CoHandler}.");

    [Fact]
    public void every_department_still_waiting_is_named() =>
        Validate(Conclude, Blown(), SignedFor(Lead)).ShouldBeConflict($"Not every department has replied: {Lead}, {CoHandler}.");

    [Fact]
    public void a_department_whose_reply_was_returned_must_reply_again_first() =>
        Validate(Conclude, [.. AllReplied, Returned(Lead, DeadlinesFrom(Now))]).ShouldBeConflict($"Not every department has replied: {Lead}.");

    [Fact]
    public void a_rejection_awaiting_the_offices_ruling_blocks_the_conclusion() =>
        Validate(Conclude, Blown(), Rejected(Lead), SignedFor(CoHandler), Replied(CoHandler))
            .ShouldBeConflict($"Not every department has replied: {Lead}.");

    [Fact]
    public void a_department_left_unrated_is_a_bad_request() =>
        Rate(new DepartmentRating(Lead, 5, null)).ShouldRejectField("ratings", $"Rate {CoHandler}.");

    [Fact]
    public void concluding_without_ratings_is_a_bad_request() =>
        Validate(new ConcludeWhistle(null), AllReplied).ShouldRejectFields("ratings")
            .Errors["ratings"].ShouldBe([$"请为 {Lead} 评分。Rate {Lead}.", $"请为 {CoHandler} 评分。Rate {CoHandler}."]);

    [Fact]
    public void a_department_rated_twice_is_a_bad_request() =>
        Rate(new(Lead, 5, null), new(CoHandler, 4, null), new(Lead, 3, null)).ShouldRejectField("ratings", "Rate each department once.");

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(null)]
    public void a_score_outside_one_to_five_is_a_bad_request(int? score) =>
        Rate(new(Lead, 5, null), new(CoHandler, score, null)).ShouldRejectField("ratings[1].score", "A score from 1 to 5.");

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void scores_of_one_and_five_are_allowed(int score) =>
        Rate(new(Lead, score, null), new(CoHandler, score, null)).ShouldBeNoProblem();

    [Fact]
    public void rating_a_department_not_on_the_whistle_is_a_bad_request() =>
        Rate(new(Lead, 5, null), new(CoHandler, 4, null), new(Other, 3, null))
            .ShouldRejectField("ratings[2].department", "Not a department of this whistle.");

    [Fact]
    public void a_comment_over_500_characters_is_a_bad_request() =>
        Rate(new(Lead, 5, new string('评', 501)), new(CoHandler, 4, null)).ShouldRejectField("ratings[0].comment", "At most 500 characters.");

    [Fact]
    public void a_department_reassigned_away_is_neither_rated_nor_waited_for()
    {
        var renewed = DeadlinesFrom(Now.AddHours(-5));
        object[] history =
        [
            Blown(), Rejected(Lead), Upheld(Lead, Other, renewed),
            SignedFor(Other), Replied(Other), SignedFor(CoHandler), Replied(CoHandler),
        ];
        var command = new ConcludeWhistle([new(CoHandler, 4, null), new(Other, 5, null)]);

        Validate(command, history).ShouldBeNoProblem();
        Validate(new ConcludeWhistle([.. command.Ratings!, new(Lead, 1, null)]), history)
            .ShouldRejectField("ratings[2].department", "Not a department of this whistle.");
        ConcludeWhistleEndpoint.Conclude(command, WhistleAfter(history), Whistler, Now).Item2
            .OfType<WhistleConcluded>().ShouldHaveSingleItem().Departments.ShouldBe([CoHandler, Other]);
    }

    [Fact]
    public void a_worker_of_another_community_cannot_see_the_whistle() =>
        ConcludeWhistleEndpoint.Validate(Conclude, WhistleAfter(AllReplied), Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void a_department_cannot_conclude_the_whistle() =>
        ConcludeWhistleEndpoint.Validate(Conclude, WhistleAfter(AllReplied), Users.DepartmentOfficer(Lead)).ShouldBeNotFound();

    [Fact]
    public void concluding_twice_is_a_conflict() =>
        Validate(Conclude, [.. AllReplied, Rated(Lead), Rated(CoHandler), Concluded()]).ShouldBeConflict("The whistle has concluded.");

    [Fact]
    public void concluding_with_a_stale_expected_version_is_a_conflict() =>
        Validate(Conclude with { ExpectedVersion = 4 }, AllReplied).ShouldBeStaleVersion(expected: 4, current: 5);
}
