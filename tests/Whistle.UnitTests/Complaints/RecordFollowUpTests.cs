using Shouldly;
using Whistle.Complaints;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class RecordFollowUpTests
{
    [Fact]
    public void a_satisfied_follow_up_needs_no_comment()
    {
        var complaint = Given<Complaint>(Lodged(), Accepted(), Resolved());
        var command = new RecordFollowUp(Satisfaction.Satisfied, null);

        RecordFollowUpEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = RecordFollowUpEndpoint.Post(command, complaint, Users.Clerk, Now);

        events.ShouldHaveSingleItem().ShouldBe(
            new ComplaintFollowUpRecorded(Id, Satisfaction.Satisfied, null, Users.ClerkActor, Now));
    }

    [Fact]
    public void an_unsatisfied_follow_up_records_what_the_complainant_said()
    {
        var complaint = Given<Complaint>(Lodged(), Accepted(), Resolved());
        var command = new RecordFollowUp(Satisfaction.Unsatisfied, "  只拆了一半。 ");

        RecordFollowUpEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = RecordFollowUpEndpoint.Post(command, complaint, Users.Clerk, Now);

        events.ShouldHaveSingleItem().ShouldBe(
            new ComplaintFollowUpRecorded(Id, Satisfaction.Unsatisfied, "只拆了一半。", Users.ClerkActor, Now));
    }

    [Fact]
    public void an_unsatisfied_follow_up_without_a_comment_is_a_bad_request() =>
        RecordFollowUpEndpoint.Validate(
                new RecordFollowUp(Satisfaction.Unsatisfied, " "), Given<Complaint>(Lodged(), Accepted(), Resolved()), Users.Clerk)
            .ShouldRejectFields("comment");

    [Fact]
    public void a_follow_up_without_a_satisfaction_is_a_bad_request() =>
        RecordFollowUpEndpoint.Validate(
                new RecordFollowUp(null, null), Given<Complaint>(Lodged(), Accepted(), Resolved()), Users.Clerk)
            .ShouldRejectFields("satisfaction");

    [Fact]
    public void a_comment_over_1000_characters_is_a_bad_request() =>
        RecordFollowUpEndpoint.Validate(
                new RecordFollowUp(Satisfaction.BasicallySatisfied, new string('评', 1001)),
                Given<Complaint>(Lodged(), Accepted(), Resolved()), Users.Clerk)
            .ShouldRejectFields("comment");

    [Theory]
    [InlineData(ComplaintStatus.Lodged)]
    [InlineData(ComplaintStatus.Accepted)]
    [InlineData(ComplaintStatus.Declined)]
    [InlineData(ComplaintStatus.FollowedUp)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void only_a_resolved_complaint_can_be_followed_up(ComplaintStatus status) =>
        RecordFollowUpEndpoint.Validate(new RecordFollowUp(Satisfaction.Satisfied, null), ComplaintThatIs(status), Users.Clerk)
            .ShouldBeConflict($"is {status}; it cannot be followed up.");

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        RecordFollowUpEndpoint.Validate(
                new RecordFollowUp(Satisfaction.Satisfied, null), Given<Complaint>(Lodged(), Accepted(), Resolved()),
                Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void following_up_with_a_stale_expected_version_is_a_conflict() =>
        RecordFollowUpEndpoint.Validate(
                new RecordFollowUp(Satisfaction.Satisfied, null, ExpectedVersion: 2),
                Given<Complaint>(Lodged(), Accepted(), Resolved()), Users.Clerk)
            .ShouldBeStaleVersion(expected: 2, current: 3);
}
