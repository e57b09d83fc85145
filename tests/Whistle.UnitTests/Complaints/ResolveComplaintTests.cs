using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class ResolveComplaintTests
{
    [Fact]
    public void resolving_an_accepted_complaint_records_the_outcome()
    {
        var complaint = Given<Complaint>(Lodged(), Accepted());
        var command = new ResolveComplaint(" 违建已于 11 月 26 日拆除。 ");

        ResolveComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events, messages) = ResolveComplaintEndpoint.Resolve(command, complaint, TimeLimits, Users.ClerkActor, Now);

        // The follow-up call (回访) is due by the next working day: Friday's resolution, Monday at office close.
        var followUp = Due(ComplaintStep.FollowUp, "2026-11-30T17:00", "2026-11-29T21:07:30");
        events.ShouldHaveSingleItem().ShouldBe(new ComplaintResolved(Id, "违建已于 11 月 26 日拆除。", Users.ClerkActor, Now, followUp));
        messages.Timers().ShouldBe(TimersOf(Id, followUp));
    }

    [Fact]
    public void resolving_tells_each_case_that_cites_the_complaint()
    {
        var (dispute, other) = (Guid.Parse("019c0a10-2000-7000-8000-0000000000f1"), Guid.Parse("019c0a10-2000-7000-8000-0000000000f2"));
        var complaint = Given<Complaint>(Lodged(), Accepted(),
            new ComplaintCited(Id, dispute, "WY-2026-000042", Clerk, LodgedAt), new ComplaintCited(Id, other, "WY-2026-000043", Clerk, LodgedAt));

        var (_, _, messages) = ResolveComplaintEndpoint.Resolve(new ResolveComplaint("电梯已修复。"), complaint, TimeLimits, Users.ClerkActor, Now);

        messages.Timers().Take(2).ShouldBe([
            new(new ComplaintResolvedNotice(Id, Number, dispute, Users.ClerkActor, Now), null),
            new(new ComplaintResolvedNotice(Id, Number, other, Users.ClerkActor, Now), null)]);
    }

    [Fact]
    public void resolving_a_resolved_complaint_again_appends_nothing()
    {
        var complaint = Given<Complaint>(Lodged(), Accepted(), Resolved());
        var command = new ResolveComplaint("违建已拆除。");

        ResolveComplaintEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events, messages) = ResolveComplaintEndpoint.Resolve(command, complaint, TimeLimits, Users.ClerkActor, Now);

        events.ShouldBeEmpty();
        messages.ShouldBeEmpty();
    }

    [Fact]
    public void resolving_without_an_outcome_is_a_bad_request() =>
        ResolveComplaintEndpoint.Validate(new ResolveComplaint(null), Given<Complaint>(Lodged(), Accepted()), Users.Clerk)
            .ShouldRejectFields("outcome");

    [Fact]
    public void an_outcome_over_2000_characters_is_a_bad_request() =>
        ResolveComplaintEndpoint.Validate(
                new ResolveComplaint(new string('结', 2001)), Given<Complaint>(Lodged(), Accepted()), Users.Clerk)
            .ShouldRejectFields("outcome");

    [Fact]
    public void resolving_a_declined_complaint_is_a_conflict() =>
        ResolveComplaintEndpoint.Validate(new ResolveComplaint("已处理。"), Given<Complaint>(Lodged(), Declined()), Users.Clerk)
            .ShouldBeConflict($"Complaint {Number} is Declined; it cannot be resolved.");

    [Theory]
    [InlineData(ComplaintStatus.Lodged)]
    [InlineData(ComplaintStatus.FollowedUp)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void only_a_complaint_being_handled_can_be_resolved(ComplaintStatus status) =>
        ResolveComplaintEndpoint.Validate(new ResolveComplaint("已处理。"), ComplaintThatIs(status), Users.Clerk)
            .ShouldBeConflict($"is {status}; it cannot be resolved.");

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        ResolveComplaintEndpoint.Validate(
                new ResolveComplaint("已处理。"), Given<Complaint>(Lodged(), Accepted()),
                Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void resolving_with_a_stale_expected_version_is_a_conflict() =>
        ResolveComplaintEndpoint.Validate(
                new ResolveComplaint("已处理。", ExpectedVersion: 1), Given<Complaint>(Lodged(), Accepted()), Users.Clerk)
            .ShouldBeStaleVersion(expected: 1, current: 2);
}
