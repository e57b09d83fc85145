using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class ReopenComplaintTests
{
    private static readonly object[] UnsatisfiedFollowUp =
        [Lodged(), Accepted(), Resolved(), FollowedUp(Satisfaction.Unsatisfied, "只拆了一半。")];

    [Fact]
    public void reopening_after_an_unsatisfied_follow_up_sends_the_complaint_back_to_handling()
    {
        var complaint = Given<Complaint>(UnsatisfiedFollowUp);
        var command = new ReopenComplaint("  回访不满意，重新办理。 ");

        ReopenComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events, messages) = ReopenComplaintEndpoint.Reopen(command, complaint, TimeLimits, Users.ClerkActor, Now);

        var reopened = events.ShouldHaveSingleItem();
        var resolveAgain = Due(ComplaintStep.Resolve, "2026-12-08T17:00", "2026-12-05T21:07:30");
        reopened.ShouldBe(new ComplaintReopened(Id, "回访不满意，重新办理。", Users.ClerkActor, Now, resolveAgain));
        messages.Timers().ShouldBe(TimersOf(Id, resolveAgain));
        var after = Given<Complaint>([.. UnsatisfiedFollowUp, reopened]);
        after.Status.ShouldBe(ComplaintStatus.Accepted);
        after.LastSatisfaction.ShouldBeNull();
        after.Reopened.ShouldBe(1);
        after.Version.ShouldBe(5);
        after.Due.ShouldBe(resolveAgain);
    }

    [Fact]
    public void a_reopened_complaint_goes_through_resolution_and_follow_up_again()
    {
        var reopened = Given<Complaint>([.. UnsatisfiedFollowUp, Reopened()]);

        ResolveComplaintEndpoint.Validate(new ResolveComplaint("已全部拆除。"), reopened, Users.Clerk).ShouldBeNoProblem();
        CloseComplaintEndpoint.Validate(new CloseComplaint(), reopened, Users.Clerk)
            .ShouldBeConflict("is Accepted; it cannot be closed.");
        var resolvedAgain = Given<Complaint>([.. UnsatisfiedFollowUp, Reopened(), Resolved("已全部拆除。")]);
        RecordFollowUpEndpoint.Validate(new RecordFollowUp(Satisfaction.Satisfied, null), resolvedAgain, Users.Clerk)
            .ShouldBeNoProblem();
    }

    [Theory]
    [InlineData(Satisfaction.Satisfied)]
    [InlineData(Satisfaction.BasicallySatisfied)]
    public void reopening_after_a_satisfied_follow_up_is_a_conflict(Satisfaction satisfaction) =>
        ReopenComplaintEndpoint.Validate(
                new ReopenComplaint("再看看。"), Given<Complaint>(Lodged(), Accepted(), Resolved(), FollowedUp(satisfaction)),
                Users.Clerk)
            .ShouldBeConflict("close the complaint instead of reopening it");

    [Fact]
    public void reopening_without_a_reason_is_a_bad_request() =>
        ReopenComplaintEndpoint.Validate(new ReopenComplaint(null), Given<Complaint>(UnsatisfiedFollowUp), Users.Clerk)
            .ShouldRejectFields("reason");

    [Theory]
    [InlineData(ComplaintStatus.Lodged)]
    [InlineData(ComplaintStatus.Accepted)]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.Declined)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void only_a_followed_up_complaint_can_be_reopened(ComplaintStatus status) =>
        ReopenComplaintEndpoint.Validate(new ReopenComplaint("重新办理。"), ComplaintThatIs(status), Users.Clerk)
            .ShouldBeConflict($"is {status}; it cannot be reopened.");

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        ReopenComplaintEndpoint.Validate(
                new ReopenComplaint("重新办理。"), Given<Complaint>(UnsatisfiedFollowUp),
                Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void reopening_with_a_stale_expected_version_is_a_conflict() =>
        ReopenComplaintEndpoint.Validate(
                new ReopenComplaint("重新办理。", ExpectedVersion: 3), Given<Complaint>(UnsatisfiedFollowUp), Users.Clerk)
            .ShouldBeStaleVersion(expected: 3, current: 4);
}
