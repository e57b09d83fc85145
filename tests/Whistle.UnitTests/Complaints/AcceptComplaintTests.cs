using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class AcceptComplaintTests
{
    [Fact]
    public void accepting_a_lodged_complaint_appends_complaint_accepted()
    {
        var complaint = Given<Complaint>(Lodged());
        var command = new AcceptComplaint();

        AcceptComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events, _) = AcceptComplaintEndpoint.Accept(complaint, TimeLimits, Users.ClerkActor, Now);

        events.ShouldHaveSingleItem().ShouldBe(new ComplaintAccepted(Id, Users.ClerkActor, Now,
            Due(ComplaintStep.Resolve, "2026-12-08T17:00", "2026-12-05T21:07:30")));
    }

    [Fact]
    public void accepting_schedules_the_reminder_and_the_deadline_of_the_time_to_resolve()
    {
        var (_, _, messages) = AcceptComplaintEndpoint.Accept(Given<Complaint>(Lodged()), TimeLimits, Users.ClerkActor, Now);

        // Seven working days from Friday 27 November: office close on Tuesday 8 December; the reminder at 75% of the way.
        messages.Timers().ShouldBe(TimersOf(Id, Due(ComplaintStep.Resolve, "2026-12-08T17:00", "2026-12-05T21:07:30")));
    }

    [Fact]
    public void accepting_an_accepted_complaint_again_appends_nothing()
    {
        var complaint = Given<Complaint>(Lodged(), Accepted());
        var command = new AcceptComplaint();

        AcceptComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events, messages) = AcceptComplaintEndpoint.Accept(complaint, TimeLimits, Users.ClerkActor, Now);

        events.ShouldBeEmpty();
        messages.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ComplaintStatus.Declined, "is Declined")]
    [InlineData(ComplaintStatus.Resolved, "is Resolved")]
    [InlineData(ComplaintStatus.FollowedUp, "is FollowedUp")]
    [InlineData(ComplaintStatus.Closed, "is Closed")]
    [InlineData(ComplaintStatus.Withdrawn, "is Withdrawn")]
    [InlineData(ComplaintStatus.Duplicate, "is Duplicate")]
    public void accepting_is_a_conflict_once_the_complaint_is_past_lodging(ComplaintStatus status, string because) =>
        AcceptComplaintEndpoint.Validate(new AcceptComplaint(), ComplaintThatIs(status), Users.Clerk)
            .ShouldBeConflict(because);

    [Fact]
    public void accepting_a_declined_complaint_is_a_conflict() =>
        AcceptComplaintEndpoint.Validate(new AcceptComplaint(), Given<Complaint>(Lodged(), Declined()), Users.Clerk)
            .ShouldBeConflict($"Complaint {Number} is Declined; it cannot be accepted.");

    [Fact]
    public void a_community_worker_may_accept_a_complaint_of_their_own_community() =>
        AcceptComplaintEndpoint.Validate(
                new AcceptComplaint(), Given<Complaint>(Lodged()), Users.CommunityWorker(CommunityId, SubDistrictId))
            .ShouldBeNoProblem();

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        AcceptComplaintEndpoint.Validate(
                new AcceptComplaint(), Given<Complaint>(Lodged()), Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void a_community_worker_without_a_community_claim_sees_no_complaint() =>
        AcceptComplaintEndpoint.Validate(
                new AcceptComplaint(), Given<Complaint>(Lodged()), Users.User("u-x", "某人", Roles.Community))
            .ShouldBeNotFound();

    [Fact]
    public void accepting_with_a_stale_expected_version_is_a_conflict_carrying_the_current_version() =>
        AcceptComplaintEndpoint.Validate(new AcceptComplaint(ExpectedVersion: 2), Given<Complaint>(Lodged()), Users.Clerk)
            .ShouldBeStaleVersion(expected: 2, current: 1);

    [Fact]
    public void accepting_with_the_current_expected_version_passes() =>
        AcceptComplaintEndpoint.Validate(new AcceptComplaint(ExpectedVersion: 1), Given<Complaint>(Lodged()), Users.Clerk)
            .ShouldBeNoProblem();

    [Fact]
    public void an_out_of_scope_worker_gets_not_found_rather_than_the_current_version() =>
        AcceptComplaintEndpoint.Validate(
                new AcceptComplaint(ExpectedVersion: 7), Given<Complaint>(Lodged()),
                Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();
}
