using Shouldly;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

/// <summary>The write model: what the whistle's decisions read after each kind of event.</summary>
public class WhistleTests
{
    private static (AssignmentStatus Status, DateTimeOffset SignForDue, DateTimeOffset ReplyDue) StateOf(Assignment? assignment)
    {
        assignment.ShouldNotBeNull();
        return (assignment.Status, assignment.SignForDue, assignment.ReplyDue);
    }

    [Fact]
    public void a_blown_whistle_awaits_every_department_at_the_level_it_was_blown()
    {
        var whistle = WhistleAfter(Blown());

        (whistle.Id, whistle.ComplaintId, whistle.ComplaintNumber, whistle.Type, whistle.Level, whistle.Concluded)
            .ShouldBe((WhistleId, Id, Number, WhistleType.Routine, WhistleLevel.Community, false));
        (whistle.CommunityCode, whistle.SubDistrictCode, whistle.BlownBy).ShouldBe((CommunityId, SubDistrictId, Whistler));
        whistle.Assignments.Select(a => (a.Department, a.Role, a.Status, a.SignForDue, a.ReplyDue, a.Overdue, a.ProposedReplyDue)).ShouldBe(
        [
            (Lead, AssignmentRole.Lead, AssignmentStatus.Awaiting, Original.SignForDue, Original.ReplyDue, false, (DateTimeOffset?)null),
            (CoHandler, AssignmentRole.CoHandling, AssignmentStatus.Awaiting, Original.SignForDue, Original.ReplyDue, false, null),
        ]);
        whistle.Version.ShouldBe(1);
    }

    [Fact]
    public void signing_for_puts_the_assignment_in_hand() =>
        WhistleAfter(Blown(), SignedFor(Lead)).Find(Lead).ShouldNotBeNull().Status.ShouldBe(AssignmentStatus.SignedFor);

    [Fact]
    public void replying_marks_the_assignment_replied() =>
        WhistleAfter(Blown(), SignedFor(Lead), Replied(Lead)).Find(Lead).ShouldNotBeNull().Status.ShouldBe(AssignmentStatus.Replied);

    [Fact]
    public void an_extension_request_is_pending_until_answered()
    {
        var proposed = Original.ReplyDue.AddDays(3);

        WhistleAfter(Blown(), ExtensionAsked(Lead, proposed)).Find(Lead).ShouldNotBeNull().ProposedReplyDue.ShouldBe(proposed);
    }

    [Fact]
    public void rejecting_leaves_the_assignment_awaiting_the_ruling() =>
        WhistleAfter(Blown(), Rejected(CoHandler)).Find(CoHandler).ShouldNotBeNull().Status.ShouldBe(AssignmentStatus.Rejected);

    [Fact]
    public void an_overdue_assignment_is_marked_overdue() =>
        WhistleAfter(Blown(), Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue)).Find(Lead).ShouldNotBeNull().Overdue.ShouldBeTrue();

    [Fact]
    // An escalation sets the due times it carries (escalations recorded before issue 11 carry a renewed reply too).
    public void an_escalation_sets_the_due_times_it_carries_for_that_department_only()
    {
        var at = Original.SignForDue;
        var renewed = DeadlinesFrom(at);

        var whistle = WhistleAfter(Blown(), Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, renewed, at));

        StateOf(whistle.Find(Lead)).ShouldBe((AssignmentStatus.Awaiting, renewed.SignForDue, renewed.ReplyDue));
        StateOf(whistle.Find(CoHandler)).ShouldBe((AssignmentStatus.Awaiting, Original.SignForDue, Original.ReplyDue));
    }

    [Fact]
    public void a_missed_reply_renews_only_the_reply_due_time()
    {
        var at = Original.ReplyDue;
        var renewed = DeadlinesFrom(at);

        var whistle = WhistleAfter(Blown(), SignedFor(Lead), Escalated(WhistleLevel.Community, Lead, DeadlineKind.Reply, renewed, at));

        StateOf(whistle.Find(Lead)).ShouldBe((AssignmentStatus.SignedFor, Original.SignForDue, renewed.ReplyDue));
    }

    [Fact]
    public void the_level_follows_each_escalation()
    {
        var first = Original.SignForDue;
        var second = DeadlinesFrom(first).SignForDue;

        var whistle = WhistleAfter(
            Blown(),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, DeadlinesFrom(first), first),
            Escalated(WhistleLevel.SubDistrict, Lead, DeadlineKind.SignFor, DeadlinesFrom(second), second),
            Escalated(WhistleLevel.JointMeeting, CoHandler, DeadlineKind.SignFor, DeadlinesFrom(second), second));

        whistle.Level.ShouldBe(WhistleLevel.CountySupervision);
    }

    [Fact]
    public void reminders_and_ratings_change_nothing_a_decision_reads()
    {
        var before = WhistleAfter(AllReplied);
        var after = WhistleAfter([.. AllReplied, Reminded(Lead, DeadlineKind.Reply, Original.ReplyDue, Original.ReplyReminder), Rated(Lead)]);

        after.Assignments.Select(a => (a.Department, a.Status, a.SignForDue, a.ReplyDue, a.Overdue))
            .ShouldBe(before.Assignments.Select(a => (a.Department, a.Status, a.SignForDue, a.ReplyDue, a.Overdue)));
        (after.Level, after.Concluded).ShouldBe((before.Level, before.Concluded));
    }

    [Fact]
    public void a_concluded_whistle_is_concluded() =>
        WhistleAfter([.. AllReplied, Rated(Lead), Rated(CoHandler), Concluded()]).Concluded.ShouldBeTrue();

    [Fact]
    public void find_skips_an_assignment_reassigned_away()
    {
        var whistle = WhistleAfter(Blown(), Rejected(Lead), Upheld(Lead, Other, DeadlinesFrom(BlownAt.AddDays(1))));

        whistle.Find(Lead).ShouldBeNull();
        whistle.Find(Other).ShouldNotBeNull().Role.ShouldBe(AssignmentRole.Lead);
        whistle.Assignments.Where(a => a.Active).Select(a => a.Department).ShouldBe([CoHandler, Other]);
    }

    [Fact]
    public void a_department_reassigned_away_and_back_is_found_in_its_new_assignment()
    {
        var first = DeadlinesFrom(BlownAt.AddDays(1));
        var second = DeadlinesFrom(BlownAt.AddDays(2));

        var whistle = WhistleAfter(
            Blown(), Rejected(Lead), Upheld(Lead, Other, first), Rejected(Other), Upheld(Other, Lead, second), SignedFor(Lead));

        whistle.Assignments.Select(a => (a.Department, a.Status)).ShouldBe(
        [
            (Lead, AssignmentStatus.Reassigned),
            (CoHandler, AssignmentStatus.Awaiting),
            (Other, AssignmentStatus.Reassigned),
            (Lead, AssignmentStatus.SignedFor),
        ]);
        StateOf(whistle.Find(Lead)).ShouldBe((AssignmentStatus.SignedFor, second.SignForDue, second.ReplyDue));
        whistle.Find(Other).ShouldBeNull();
    }
}
