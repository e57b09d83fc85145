using Shouldly;
using Whistle.Complaints;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class CloseComplaintTests
{
    [Theory]
    [InlineData(Satisfaction.Satisfied)]
    [InlineData(Satisfaction.BasicallySatisfied)]
    public void closing_after_a_satisfied_follow_up_appends_complaint_closed(Satisfaction satisfaction)
    {
        var complaint = Given<Complaint>(Lodged(), Accepted(), Resolved(), FollowedUp(satisfaction));
        var command = new CloseComplaint();

        CloseComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = CloseComplaintEndpoint.Post(command, complaint, Users.Clerk, Now);

        events.ShouldHaveSingleItem().ShouldBe(new ComplaintClosed(Id, Users.ClerkActor, Now));
    }

    [Fact]
    public void closing_a_closed_complaint_again_appends_nothing()
    {
        var complaint = ComplaintThatIs(ComplaintStatus.Closed);
        var command = new CloseComplaint();

        CloseComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = CloseComplaintEndpoint.Post(command, complaint, Users.Clerk, Now);

        events.ShouldBeEmpty();
    }

    [Fact]
    public void closing_after_an_unsatisfied_follow_up_is_a_conflict() =>
        CloseComplaintEndpoint.Validate(
                new CloseComplaint(),
                Given<Complaint>(Lodged(), Accepted(), Resolved(), FollowedUp(Satisfaction.Unsatisfied, "没拆完。")),
                Users.Clerk)
            .ShouldBeConflict("reopen the complaint instead of closing it");

    [Fact]
    public void closing_before_the_follow_up_call_is_a_conflict() =>
        CloseComplaintEndpoint.Validate(new CloseComplaint(), Given<Complaint>(Lodged(), Accepted(), Resolved()), Users.Clerk)
            .ShouldBeConflict("record the follow-up call before closing");

    [Theory]
    [InlineData(ComplaintStatus.Lodged)]
    [InlineData(ComplaintStatus.Accepted)]
    [InlineData(ComplaintStatus.Declined)]
    [InlineData(ComplaintStatus.Withdrawn)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void closing_is_a_conflict_before_resolution_or_after_another_ending(ComplaintStatus status) =>
        CloseComplaintEndpoint.Validate(new CloseComplaint(), ComplaintThatIs(status), Users.Clerk)
            .ShouldBeConflict($"is {status}; it cannot be closed.");

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        CloseComplaintEndpoint.Validate(
                new CloseComplaint(), ComplaintThatIs(ComplaintStatus.FollowedUp),
                Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void closing_with_a_stale_expected_version_is_a_conflict() =>
        CloseComplaintEndpoint.Validate(new CloseComplaint(ExpectedVersion: 3), ComplaintThatIs(ComplaintStatus.FollowedUp), Users.Clerk)
            .ShouldBeStaleVersion(expected: 3, current: 4);
}
