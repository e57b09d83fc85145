using Shouldly;
using Whistle.Complaints;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class WithdrawComplaintTests
{
    [Theory]
    [InlineData(ComplaintStatus.Lodged)]
    [InlineData(ComplaintStatus.Accepted)]
    public void a_complaint_not_yet_resolved_can_be_withdrawn(ComplaintStatus status)
    {
        var complaint = ComplaintThatIs(status);
        var command = new WithdrawComplaint(" 邻里已协商解决。 ");

        WithdrawComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = WithdrawComplaintEndpoint.Post(command, complaint, Users.Clerk, Now);

        events.ShouldHaveSingleItem().ShouldBe(new ComplaintWithdrawn(Id, "邻里已协商解决。", Users.ClerkActor, Now));
    }

    [Fact]
    public void withdrawing_a_withdrawn_complaint_again_appends_nothing()
    {
        var complaint = ComplaintThatIs(ComplaintStatus.Withdrawn);
        var command = new WithdrawComplaint("邻里已协商解决。");

        WithdrawComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = WithdrawComplaintEndpoint.Post(command, complaint, Users.Clerk, Now);

        events.ShouldBeEmpty();
    }

    [Fact]
    public void withdrawing_without_a_reason_is_a_bad_request() =>
        WithdrawComplaintEndpoint.Validate(new WithdrawComplaint(""), Given<Complaint>(Lodged()), Users.Clerk)
            .ShouldRejectFields("reason");

    [Theory]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.FollowedUp)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Declined)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void withdrawing_after_resolution_or_another_ending_is_a_conflict(ComplaintStatus status) =>
        WithdrawComplaintEndpoint.Validate(new WithdrawComplaint("不想投诉了。"), ComplaintThatIs(status), Users.Clerk)
            .ShouldBeConflict($"is {status}; it cannot be withdrawn.");

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        WithdrawComplaintEndpoint.Validate(
                new WithdrawComplaint("不想投诉了。"), Given<Complaint>(Lodged()),
                Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void withdrawing_with_a_stale_expected_version_is_a_conflict() =>
        WithdrawComplaintEndpoint.Validate(
                new WithdrawComplaint("不想投诉了。", ExpectedVersion: 1), Given<Complaint>(Lodged(), Accepted()), Users.Clerk)
            .ShouldBeStaleVersion(expected: 1, current: 2);
}
