using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

/// <summary>
/// The reminder and the deadline of a complaint's step: they act while that step, at that due time, is the one the
/// complaint waits for, and once; otherwise they are stale and do nothing.
/// </summary>
public class ComplaintDeadlineHandlersTests
{
    private static readonly ComplaintDeadline AcceptDue = Due(ComplaintStep.Accept, "2026-11-21T10:00", "2026-11-21T04:00");
    private static readonly ComplaintDeadline ResolveDue = Due(ComplaintStep.Resolve, "2026-12-01T17:00", "2026-11-28T15:00");
    private static readonly ComplaintDeadline FollowUpDue = Due(ComplaintStep.FollowUp, "2026-11-24T17:00", "2026-11-24T07:00");

    private static ComplaintLodged TimedLodged() => Lodged() with { Due = AcceptDue };
    private static ComplaintAccepted TimedAccepted() => Accepted() with { Due = ResolveDue };
    private static ComplaintResolved TimedResolved() => Resolved() with { Due = FollowUpDue };

    private static ComplaintReminderDue ReminderOf(ComplaintDeadline due) => new(Id, due.Step, due.DueAt);
    private static ComplaintDeadlineReached DeadlineOf(ComplaintDeadline due) => new(Id, due.Step, due.DueAt);

    private static readonly IReadOnlyList<Audience> Community = [Audience.Community(CommunityId)];
    private static readonly IReadOnlyList<Audience> CommunityAndOffice = [Audience.Community(CommunityId), Audience.Office];

    [Fact]
    public void a_reminder_of_the_step_now_due_is_sent_to_the_complaint_s_community()
    {
        var complaint = Given<Complaint>(TimedLodged());

        var events = ComplaintReminderDueHandler.Decide(ReminderOf(AcceptDue), complaint, Now);

        var sent = events.ShouldHaveSingleItem().ShouldBeOfType<ComplaintReminderSent>();
        (sent.ComplaintId, sent.Step, sent.DueAt, sent.At).ShouldBe((Id, ComplaintStep.Accept, AcceptDue.DueAt, Now));
        sent.Told.ShouldBe(Community);
    }

    [Fact]
    public void a_reminder_delivered_again_sends_nothing()
    {
        var complaint = Given<Complaint>(TimedLodged(), new ComplaintReminderSent(Id, ComplaintStep.Accept, AcceptDue.DueAt, Now, Community));

        ComplaintReminderDueHandler.Decide(ReminderOf(AcceptDue), complaint, Now).ShouldBeEmpty();
    }

    [Fact]
    public void a_reminder_of_a_step_already_done_sends_nothing() =>
        ComplaintReminderDueHandler.Decide(ReminderOf(AcceptDue), Given<Complaint>(TimedLodged(), TimedAccepted()), Now).ShouldBeEmpty();

    [Fact]
    public void a_reminder_arriving_after_its_due_time_was_missed_sends_nothing()
    {
        var complaint = Given<Complaint>(TimedLodged(), new ComplaintOverdue(Id, ComplaintStep.Accept, AcceptDue.DueAt, Now, CommunityAndOffice));

        ComplaintReminderDueHandler.Decide(ReminderOf(AcceptDue), complaint, Now).ShouldBeEmpty();
    }

    [Fact]
    public void the_deadline_of_the_step_now_due_marks_the_complaint_overdue_and_tells_the_community_and_the_office()
    {
        var complaint = Given<Complaint>(TimedLodged(), TimedAccepted());

        var events = ComplaintDeadlineReachedHandler.Decide(DeadlineOf(ResolveDue), complaint, Now);

        var overdue = events.ShouldHaveSingleItem().ShouldBeOfType<ComplaintOverdue>();
        (overdue.ComplaintId, overdue.Step, overdue.DueAt, overdue.At).ShouldBe((Id, ComplaintStep.Resolve, ResolveDue.DueAt, Now));
        overdue.Told.ShouldBe(CommunityAndOffice);
        Given<Complaint>(TimedLodged(), TimedAccepted(), overdue).OverdueDue.ShouldBe(ResolveDue.DueAt);
    }

    [Fact]
    public void a_deadline_delivered_again_marks_nothing_more()
    {
        var complaint = Given<Complaint>(TimedLodged(), TimedAccepted(),
            new ComplaintOverdue(Id, ComplaintStep.Resolve, ResolveDue.DueAt, Now, CommunityAndOffice));

        ComplaintDeadlineReachedHandler.Decide(DeadlineOf(ResolveDue), complaint, Now.AddMinutes(5)).ShouldBeEmpty();
    }

    [Fact]
    public void the_deadline_of_a_step_done_in_time_does_nothing()
    {
        ComplaintDeadlineReachedHandler.Decide(DeadlineOf(AcceptDue), Given<Complaint>(TimedLodged(), TimedAccepted()), Now).ShouldBeEmpty();
        ComplaintDeadlineReachedHandler.Decide(DeadlineOf(ResolveDue), Given<Complaint>(TimedLodged(), TimedAccepted(), TimedResolved()), Now)
            .ShouldBeEmpty();
        ComplaintDeadlineReachedHandler.Decide(
                DeadlineOf(FollowUpDue), Given<Complaint>(TimedLodged(), TimedAccepted(), TimedResolved(), FollowedUp(Satisfaction.Satisfied)), Now)
            .ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ComplaintStatus.Declined)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void the_deadline_to_accept_a_complaint_that_ended_without_acceptance_does_nothing(ComplaintStatus status)
    {
        object ended = status == ComplaintStatus.Declined ? Declined() : MarkedDuplicate();

        ComplaintDeadlineReachedHandler.Decide(DeadlineOf(AcceptDue), Given<Complaint>(TimedLodged(), ended), Now).ShouldBeEmpty();
    }

    [Fact]
    public void the_deadline_to_resolve_a_withdrawn_complaint_does_nothing() =>
        ComplaintDeadlineReachedHandler.Decide(DeadlineOf(ResolveDue), Given<Complaint>(TimedLodged(), TimedAccepted(), Withdrawn()), Now)
            .ShouldBeEmpty();

    [Fact]
    public void after_reopening_only_the_fresh_due_time_to_resolve_counts()
    {
        var again = Due(ComplaintStep.Resolve, "2026-12-08T17:00", "2026-12-05T21:07:30");
        var complaint = Given<Complaint>(TimedLodged(), TimedAccepted(), TimedResolved(), FollowedUp(Satisfaction.Unsatisfied, "没修好"),
            Reopened() with { Due = again });

        ComplaintDeadlineReachedHandler.Decide(DeadlineOf(ResolveDue), complaint, Now).ShouldBeEmpty();
        ComplaintDeadlineReachedHandler.Decide(DeadlineOf(again), complaint, Now).ShouldHaveSingleItem().ShouldBeOfType<ComplaintOverdue>()
            .DueAt.ShouldBe(again.DueAt);
    }

    [Fact]
    public void a_complaint_recorded_before_time_limits_has_no_step_to_chase() =>
        ComplaintDeadlineReachedHandler.Decide(DeadlineOf(ResolveDue), Given<Complaint>(Lodged(), Accepted()), Now).ShouldBeEmpty();

    [Fact]
    public void every_act_that_starts_a_step_times_it_and_every_end_clears_it()
    {
        Given<Complaint>(TimedLodged()).Due.ShouldBe(AcceptDue);
        Given<Complaint>(TimedLodged(), TimedAccepted()).Due.ShouldBe(ResolveDue);
        Given<Complaint>(TimedLodged(), TimedAccepted(), TimedResolved()).Due.ShouldBe(FollowUpDue);
        Given<Complaint>(TimedLodged(), TimedAccepted(), TimedResolved(), FollowedUp(Satisfaction.Satisfied)).Due.ShouldBeNull();
        Given<Complaint>(TimedLodged(), Declined()).Due.ShouldBeNull();
        Given<Complaint>(TimedLodged(), MarkedDuplicate()).Due.ShouldBeNull();
        Given<Complaint>(TimedLodged(), TimedAccepted(), Withdrawn()).Due.ShouldBeNull();
    }
}
