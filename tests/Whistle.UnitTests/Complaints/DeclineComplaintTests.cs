using Shouldly;
using Whistle.Complaints;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class DeclineComplaintTests
{
    [Fact]
    public void declining_a_lodged_complaint_records_the_reason_and_where_to_turn_instead()
    {
        var complaint = Given<Complaint>(Lodged());
        var command = new DeclineComplaint("  属于民事纠纷。 ", " 县人民法院 ");

        DeclineComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = DeclineComplaintEndpoint.Post(command, complaint, Users.Clerk, Now);

        events.ShouldHaveSingleItem().ShouldBe(new ComplaintDeclined(Id, "属于民事纠纷。", "县人民法院", Users.ClerkActor, Now));
    }

    [Fact]
    public void a_decline_need_not_say_where_to_turn()
    {
        var complaint = Given<Complaint>(Lodged());
        var command = new DeclineComplaint("重复来电。", null);

        DeclineComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = DeclineComplaintEndpoint.Post(command, complaint, Users.Clerk, Now);

        events.ShouldHaveSingleItem().ShouldBe(new ComplaintDeclined(Id, "重复来电。", null, Users.ClerkActor, Now));
    }

    [Fact]
    public void declining_again_appends_nothing()
    {
        var complaint = ComplaintThatIs(ComplaintStatus.Declined);
        var command = new DeclineComplaint("重复来电。", null);

        DeclineComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        DeclineComplaintEndpoint.Post(command, complaint, Users.Clerk, Now).Item2.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void declining_without_a_reason_is_a_bad_request(string? reason) =>
        DeclineComplaintEndpoint.Validate(new DeclineComplaint(reason, null), Given<Complaint>(Lodged()), Users.Clerk)
            .ShouldRejectFields("reason");

    [Fact]
    public void an_overlong_reason_and_redirect_are_both_reported() =>
        DeclineComplaintEndpoint.Validate(
                new DeclineComplaint(new string('理', 501), new string('院', 201)), Given<Complaint>(Lodged()), Users.Clerk)
            .ShouldRejectFields("reason", "redirectTo");

    [Fact]
    public void a_reason_of_exactly_500_characters_is_accepted() =>
        DeclineComplaintEndpoint.Validate(
                new DeclineComplaint(new string('理', 500), new string('院', 200)), Given<Complaint>(Lodged()), Users.Clerk)
            .ShouldBeNoProblem();

    [Theory]
    [InlineData(ComplaintStatus.Accepted)]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.FollowedUp)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void only_a_lodged_complaint_can_be_declined(ComplaintStatus status) =>
        DeclineComplaintEndpoint.Validate(new DeclineComplaint("不予受理。", null), ComplaintThatIs(status), Users.Clerk)
            .ShouldBeConflict($"is {status}; it cannot be declined.");

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        DeclineComplaintEndpoint.Validate(
                new DeclineComplaint("不予受理。", null), Given<Complaint>(Lodged()),
                Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void declining_with_a_stale_expected_version_is_a_conflict() =>
        DeclineComplaintEndpoint.Validate(
                new DeclineComplaint("不予受理。", null, ExpectedVersion: 0), Given<Complaint>(Lodged()), Users.Clerk)
            .ShouldBeStaleVersion(expected: 0, current: 1);
}
