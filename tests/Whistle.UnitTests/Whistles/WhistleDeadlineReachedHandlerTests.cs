using Shouldly;
using Whistle.Kernel;
using Whistle.UnitTests.Complaints;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Marten;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class WhistleDeadlineReachedHandlerTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static WhistleDeadlineReached SignForDeadline(string department, DateTimeOffset due) =>
        new(WhistleId, department, DeadlineKind.SignFor, due);

    private static WhistleDeadlineReached ReplyDeadline(string department, DateTimeOffset due) =>
        new(WhistleId, department, DeadlineKind.Reply, due);

    /// <summary>Who an escalation tells: the department that missed, and the whistle's sub-district or the joint-meeting office.</summary>
    private static Audience[] ToSubDistrict(string department) => [Audience.Officers(department), Audience.SubDistrict(ComplaintHistory.SubDistrictId)];

    private static Audience[] ToJointMeeting(string department) => [Audience.Officers(department), Audience.Office];

    private static (Events Events, OutgoingMessages Messages) Decide(WhistleDeadlineReached message, DateTimeOffset now, params object[] history) =>
        WhistleDeadlineReachedHandler.Decide(message, WhistleAfter(history), Timing, now);

    [Fact]
    public void escalates_to_the_sub_district_when_sign_for_is_missed()
    {
        var at = Original.SignForDue;

        var (events, messages) = Decide(SignForDeadline(Lead, at), at, Blown());

        var renewed = SignForRenewedFrom(at, Original);
        renewed.SignForDue.ShouldBe(new DateTimeOffset(2026, 3, 4, 9, 0, 0, China));
        events.ShouldBeEvents(
            new AssignmentOverdue(WhistleId, Lead, DeadlineKind.SignFor, at, at),
            new WhistleEscalated(WhistleId, WhistleLevel.Community, WhistleLevel.SubDistrict, Lead, DeadlineKind.SignFor, renewed, at,
                ToSubDistrict(Lead)));
        messages.ShouldSchedule([.. Scheduled.SignFor(Lead, renewed), Scheduled.Notice(Lead, DeadlineKind.SignFor, at, at)]);
    }

    [Fact]
    public void a_missed_due_time_schedules_its_notice_five_working_days_after_the_miss()
    {
        var at = Original.SignForDue;

        var (_, messages) = Decide(SignForDeadline(Lead, at), at, Blown());

        // Missed Tuesday 2026-03-03 09:00: five working days on is Tuesday 03-10, at office close.
        var noticeAt = new DateTimeOffset(2026, 3, 10, 17, 0, 0, China);
        messages.Unwrapped().Single(m => m.Message is BreachNoticeDue)
            .ShouldBe(new Scheduled(new BreachNoticeDue(WhistleId, Lead, DeadlineKind.SignFor, at, at, noticeAt, 0, 0), noticeAt));
    }

    [Fact]
    public void missing_the_sign_for_earns_no_time_to_reply()
    {
        object[] history = [Blown(), SignedFor(CoHandler)];
        var first = Decide(SignForDeadline(Lead, Original.SignForDue), Original.SignForDue, history);
        var renewedSignFor = DeadlinesFrom(Original.SignForDue).SignForDue;
        var second = Decide(SignForDeadline(Lead, renewedSignFor), renewedSignFor, [.. history, .. first.Events]);

        var whistle = WhistleAfter([.. history, .. first.Events, .. second.Events]);
        whistle.Level.ShouldBe(WhistleLevel.JointMeeting);
        whistle.Find(Lead)!.ReplyDue.ShouldBe(Original.ReplyDue);
        whistle.Find(Lead)!.ReplyDue.ShouldBe(whistle.Find(CoHandler)!.ReplyDue);
        DetailsAfter([.. history, .. first.Events, .. second.Events]).Find(Lead)!.ReplyDue.ShouldBe(Original.ReplyDue);
    }

    [Fact]
    public void the_reply_due_time_as_first_computed_still_runs_after_a_missed_sign_for()
    {
        var at = Original.SignForDue;
        object[] history = [Blown(), Overdue(Lead, DeadlineKind.SignFor, at),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, SignForRenewedFrom(at, Original), at)];

        Decide(ReplyDeadline(Lead, Original.ReplyDue), Original.ReplyDue, history).Events.ShouldBeEvents(
            new AssignmentOverdue(WhistleId, Lead, DeadlineKind.Reply, Original.ReplyDue, Original.ReplyDue),
            new WhistleEscalated(WhistleId, WhistleLevel.SubDistrict, WhistleLevel.JointMeeting, Lead, DeadlineKind.Reply,
                DeadlinesFrom(Original.ReplyDue), Original.ReplyDue, ToJointMeeting(Lead)));
    }

    /// <summary>Both departments' sign-for deadlines fall due at the same instant; the second is handled three seconds on.</summary>
    private static (Events First, Events Second, object[] After) BothMissSignFor(object[] history, DateTimeOffset due, bool leadFirst)
    {
        var (first, second) = leadFirst ? (Lead, CoHandler) : (CoHandler, Lead);
        var one = Decide(SignForDeadline(first, due), due, history);
        var two = Decide(SignForDeadline(second, due), due.AddSeconds(3), [.. history, .. one.Events]);
        return (one.Events, two.Events, [.. history, .. one.Events, .. two.Events]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void two_departments_missing_the_same_due_time_raise_the_whistle_one_level(bool leadFirst)
    {
        var at = Original.SignForDue;
        var (first, second) = leadFirst ? (Lead, CoHandler) : (CoHandler, Lead);

        var (one, two, after) = BothMissSignFor([Blown()], at, leadFirst);

        var renewed = SignForRenewedFrom(at, Original);
        one.ShouldBeEvents(
            new AssignmentOverdue(WhistleId, first, DeadlineKind.SignFor, at, at),
            new WhistleEscalated(WhistleId, WhistleLevel.Community, WhistleLevel.SubDistrict, first, DeadlineKind.SignFor, renewed, at,
                ToSubDistrict(first)));
        two.ShouldBeEvents(
            new AssignmentOverdue(WhistleId, second, DeadlineKind.SignFor, at, at.AddSeconds(3)),
            new AssignmentDeadlinesRenewed(WhistleId, second, DeadlineKind.SignFor, WhistleLevel.SubDistrict, renewed, at.AddSeconds(3),
                [Audience.Officers(second)]));
        var whistle = WhistleAfter(after);
        whistle.Level.ShouldBe(WhistleLevel.SubDistrict);
        whistle.Find(Lead)!.SignForDue.ShouldBe(whistle.Find(CoHandler)!.SignForDue);
    }

    [Fact]
    public void the_department_that_missed_the_round_second_is_scheduled_for_the_rounds_due_time() =>
        Decide(SignForDeadline(CoHandler, Original.SignForDue), Original.SignForDue.AddSeconds(3),
                Blown(), Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue),
                Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, SignForRenewedFrom(Original.SignForDue, Original), Original.SignForDue))
            .Messages.ShouldSchedule([
                .. Scheduled.SignFor(CoHandler, SignForRenewedFrom(Original.SignForDue, Original)),
                Scheduled.Notice(CoHandler, DeadlineKind.SignFor, Original.SignForDue, Original.SignForDue.AddSeconds(3))]);

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void two_departments_missing_two_rounds_raise_the_whistle_two_levels(bool leadFirst, bool leadFirstAgain)
    {
        var (_, _, afterFirstRound) = BothMissSignFor([Blown()], Original.SignForDue, leadFirst);
        var next = WhistleAfter(afterFirstRound).Find(Lead)!.SignForDue;

        var (one, two, after) = BothMissSignFor(afterFirstRound, next, leadFirstAgain);

        one.OfType<WhistleEscalated>().ShouldHaveSingleItem().To.ShouldBe(WhistleLevel.JointMeeting);
        two.OfType<WhistleEscalated>().ShouldBeEmpty();
        after.OfType<AssignmentOverdue>().Count().ShouldBe(4);
        WhistleAfter(after).Level.ShouldBe(WhistleLevel.JointMeeting);
    }

    [Fact]
    public void the_second_departments_miss_delivered_again_does_nothing()
    {
        var (_, _, after) = BothMissSignFor([Blown()], Original.SignForDue, leadFirst: true);

        Decide(SignForDeadline(CoHandler, Original.SignForDue), Original.SignForDue.AddSeconds(9), after).ShouldDoNothing();
        Decide(SignForDeadline(Lead, Original.SignForDue), Original.SignForDue.AddSeconds(9), after).ShouldDoNothing();
    }

    [Fact]
    public void a_miss_in_the_round_that_raised_the_whistle_to_county_supervision_still_renews_the_department()
    {
        var at = Original.SignForDue;
        var (one, two, _) = BothMissSignFor([Blown(WhistleLevel.JointMeeting)], at, leadFirst: true);

        one.OfType<WhistleEscalated>().ShouldHaveSingleItem().To.ShouldBe(WhistleLevel.CountySupervision);
        two.OfType<AssignmentDeadlinesRenewed>().ShouldHaveSingleItem().Level.ShouldBe(WhistleLevel.CountySupervision);
    }

    [Fact]
    public void a_missed_reply_escalates_and_schedules_only_the_renewed_reply()
    {
        var at = Original.ReplyDue;

        var (events, messages) = Decide(ReplyDeadline(Lead, at), at, Blown(), SignedFor(Lead));

        var renewed = DeadlinesFrom(at);
        events.ShouldBeEvents(
            new AssignmentOverdue(WhistleId, Lead, DeadlineKind.Reply, at, at),
            new WhistleEscalated(WhistleId, WhistleLevel.Community, WhistleLevel.SubDistrict, Lead, DeadlineKind.Reply, renewed, at,
                ToSubDistrict(Lead)));
        messages.ShouldSchedule([.. Scheduled.Reply(Lead, renewed), Scheduled.Notice(Lead, DeadlineKind.Reply, at, at)]);
    }

    [Theory]
    [InlineData(WhistleLevel.Community, WhistleLevel.SubDistrict)]
    [InlineData(WhistleLevel.SubDistrict, WhistleLevel.JointMeeting)]
    [InlineData(WhistleLevel.JointMeeting, WhistleLevel.CountySupervision)]
    public void a_missed_deadline_climbs_one_level(WhistleLevel from, WhistleLevel to) =>
        Decide(SignForDeadline(Lead, Original.SignForDue), Original.SignForDue, Blown(from)).Events
            .OfType<WhistleEscalated>().ShouldHaveSingleItem().To.ShouldBe(to);

    [Fact]
    public void at_county_supervision_a_missed_deadline_marks_the_department_overdue_climbs_no_further_and_awaits_its_notice()
    {
        var at = Original.SignForDue;

        var (events, messages) = Decide(SignForDeadline(Lead, at), at, Blown(WhistleLevel.CountySupervision));

        events.ShouldBeEvents(new AssignmentOverdue(WhistleId, Lead, DeadlineKind.SignFor, at, at));
        messages.ShouldSchedule(Scheduled.Notice(Lead, DeadlineKind.SignFor, at, at));
    }

    [Fact]
    public void the_renewed_sign_for_deadline_missed_again_climbs_another_level()
    {
        object[] history = [Blown()];
        var first = Decide(SignForDeadline(Lead, Original.SignForDue), Original.SignForDue, history);
        var renewed = DeadlinesFrom(Original.SignForDue);

        var (events, _) = Decide(SignForDeadline(Lead, renewed.SignForDue), renewed.SignForDue, [.. history, .. first.Events]);

        events.OfType<WhistleEscalated>().ShouldBeEvents(
            new WhistleEscalated(WhistleId, WhistleLevel.SubDistrict, WhistleLevel.JointMeeting, Lead, DeadlineKind.SignFor,
                SignForRenewedFrom(renewed.SignForDue, Original), renewed.SignForDue, ToJointMeeting(Lead)));
    }

    [Fact]
    public void at_county_supervision_the_same_deadline_delivered_twice_marks_it_overdue_once()
    {
        object[] history = [Blown(WhistleLevel.CountySupervision)];
        var message = SignForDeadline(Lead, Original.SignForDue);
        var first = Decide(message, Original.SignForDue, history);

        Decide(message, Original.SignForDue.AddSeconds(5), [.. history, .. first.Events]).ShouldDoNothing();
    }

    [Fact]
    public void the_same_deadline_delivered_twice_escalates_once()
    {
        object[] history = [Blown()];
        var message = SignForDeadline(Lead, Original.SignForDue);
        var first = Decide(message, Original.SignForDue, history);

        Decide(message, Original.SignForDue.AddSeconds(5), [.. history, .. first.Events]).ShouldDoNothing();
    }

    [Fact]
    public void the_same_reply_deadline_delivered_twice_escalates_once()
    {
        object[] history = [Blown(), SignedFor(Lead)];
        var message = ReplyDeadline(Lead, Original.ReplyDue);
        var first = Decide(message, Original.ReplyDue, history);

        Decide(message, Original.ReplyDue.AddSeconds(5), [.. history, .. first.Events]).ShouldDoNothing();
    }

    [Fact]
    public void a_sign_for_deadline_after_the_department_signed_for_does_nothing() =>
        Decide(SignForDeadline(Lead, Original.SignForDue), Original.SignForDue, Blown(), SignedFor(Lead)).ShouldDoNothing();

    [Fact]
    public void a_reply_deadline_after_the_department_replied_does_nothing() =>
        Decide(ReplyDeadline(Lead, Original.ReplyDue), Original.ReplyDue, Blown(), SignedFor(Lead), Replied(Lead)).ShouldDoNothing();

    [Fact]
    public void a_reply_due_time_moved_by_a_granted_extension_is_no_longer_current()
    {
        var extended = Original.ReplyDue.AddDays(7);
        object[] history = [Blown(), SignedFor(Lead), ExtensionAsked(Lead, extended), Granted(Lead, extended, extended.AddDays(-2))];

        Decide(ReplyDeadline(Lead, Original.ReplyDue), Original.ReplyDue, history).ShouldDoNothing();
        Decide(ReplyDeadline(Lead, extended), extended, history).Events.OfType<AssignmentOverdue>().ShouldHaveSingleItem();
    }

    [Fact]
    public void a_pending_extension_request_does_not_stop_the_current_deadline() =>
        Decide(ReplyDeadline(Lead, Original.ReplyDue), Original.ReplyDue, Blown(), SignedFor(Lead), ExtensionAsked(Lead, Original.ReplyDue.AddDays(7)))
            .Events.OfType<WhistleEscalated>().ShouldHaveSingleItem();

    /// <summary>Escalations recorded before issue 11 carry a renewed reply due time: the original one no longer stands.</summary>
    [Fact]
    public void the_original_reply_deadline_after_an_escalation_renewed_it_does_nothing()
    {
        var at = Original.SignForDue;
        var renewed = DeadlinesFrom(at);
        object[] history = [Blown(), Overdue(Lead, DeadlineKind.SignFor, at), Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, renewed, at)];

        Decide(ReplyDeadline(Lead, Original.ReplyDue), Original.ReplyDue, history).ShouldDoNothing();
    }

    [Fact]
    public void the_original_reply_deadline_after_an_overruled_arbitration_does_nothing()
    {
        // Ruled two days on: a renewal the same day would land on the same working-day due time.
        var renewed = DeadlinesFrom(BlownAt.AddDays(2));
        renewed.ReplyDue.ShouldNotBe(Original.ReplyDue);
        object[] history = [Blown(), Rejected(Lead), Overruled(Lead, renewed)];

        Decide(ReplyDeadline(Lead, Original.ReplyDue), Original.ReplyDue, history).ShouldDoNothing();
        Decide(SignForDeadline(Lead, Original.SignForDue), Original.SignForDue, history).ShouldDoNothing();
    }

    [Fact]
    public void the_original_reply_deadline_after_a_returned_reply_does_nothing() =>
        Decide(ReplyDeadline(Lead, Original.ReplyDue), Original.ReplyDue,
                Blown(), SignedFor(Lead), Replied(Lead), Returned(Lead, DeadlinesFrom(BlownAt.AddDays(4))))
            .ShouldDoNothing();

    [Fact]
    public void deadlines_do_not_run_against_a_rejection_awaiting_the_offices_ruling()
    {
        Decide(SignForDeadline(Lead, Original.SignForDue), Original.SignForDue, Blown(), Rejected(Lead)).ShouldDoNothing();
        Decide(ReplyDeadline(Lead, Original.ReplyDue), Original.ReplyDue, Blown(), Rejected(Lead)).ShouldDoNothing();
    }

    [Fact]
    public void a_deadline_on_a_concluded_whistle_does_nothing() =>
        Decide(ReplyDeadline(Lead, Original.ReplyDue), Original.ReplyDue, [.. AllReplied, Concluded()]).ShouldDoNothing();

    [Fact]
    public void a_deadline_of_a_department_reassigned_away_does_nothing() =>
        Decide(SignForDeadline(Lead, Original.SignForDue), Original.SignForDue,
                Blown(), Rejected(Lead), Upheld(Lead, Other, DeadlinesFrom(Now)))
            .ShouldDoNothing();

    [Fact]
    public void a_deadline_of_another_department_than_the_one_that_missed_it_is_judged_on_its_own()
    {
        object[] history = [Blown(), SignedFor(Lead)];

        Decide(SignForDeadline(Lead, Original.SignForDue), Original.SignForDue, history).ShouldDoNothing();
        Decide(SignForDeadline(CoHandler, Original.SignForDue), Original.SignForDue, history).Events
            .OfType<AssignmentOverdue>().ShouldHaveSingleItem().Department.ShouldBe(CoHandler);
    }
}
