using Shouldly;
using Whistle.Kernel;
using Whistle.UnitTests.Complaints;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class BreachNoticeDueHandlerTests
{
    private static readonly DateTimeOffset SignForDue = Original.SignForDue;
    private static readonly DateTimeOffset ReplyDue = Original.ReplyDue;

    /// <summary>Five working days after a miss recorded at Tuesday 09:00: the notice's time.</summary>
    private static readonly DateTimeOffset NoticeAt = new(2026, 3, 10, 17, 0, 0, TimeSpan.FromHours(8));

    private static BreachNoticeDue Notice(DeadlineKind kind, DateTimeOffset dueAt) =>
        new(WhistleId, Lead, kind, dueAt, dueAt, NoticeAt, 3, 2);

    private static object[] MissedSignFor =>
        [Blown(), Overdue(Lead, DeadlineKind.SignFor, SignForDue),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, SignForRenewedFrom(SignForDue, Original), SignForDue)];

    private static object[] MissedReply =>
        [Blown(), SignedFor(Lead), Overdue(Lead, DeadlineKind.Reply, ReplyDue),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.Reply, DeadlinesFrom(ReplyDue), ReplyDue)];

    private static Wolverine.Marten.Events Decide(BreachNoticeDue notice, params object[] history) =>
        BreachNoticeDueHandler.Decide(notice, WhistleAfter(history), NoticeAt);

    [Fact]
    public void a_sign_for_still_not_given_is_published_to_the_office_and_the_departments_officers() =>
        Decide(Notice(DeadlineKind.SignFor, SignForDue), MissedSignFor).ShouldBeEvents(new BreachNoticePublished(
            WhistleId, ComplaintHistory.Id, ComplaintHistory.Number, ComplaintHistory.CommunityId, ComplaintHistory.SubDistrictId, Lead,
            DeadlineKind.SignFor, SignForDue, SignForDue, 3, 2, NoticeAt, [Audience.Office, Audience.Officers(Lead)]));

    [Fact]
    public void a_reply_still_not_given_is_published_though_the_department_signed_for() =>
        Decide(Notice(DeadlineKind.Reply, ReplyDue), MissedReply).ShouldHaveSingleItem().ShouldBeOfType<BreachNoticePublished>()
            .Missed.ShouldBe(DeadlineKind.Reply);

    [Fact]
    public void signing_for_late_cures_a_missed_sign_for() =>
        Decide(Notice(DeadlineKind.SignFor, SignForDue), [.. MissedSignFor, SignedFor(Lead)]).ShouldBeEmpty();

    [Fact]
    public void replying_late_cures_a_missed_reply_even_if_the_reply_was_then_returned() =>
        Decide(Notice(DeadlineKind.Reply, ReplyDue),
                [.. MissedReply, Replied(Lead) with { At = ReplyDue.AddDays(1) }, Returned(Lead, DeadlinesFrom(ReplyDue.AddDays(2)))])
            .ShouldBeEmpty();

    [Fact]
    public void a_breach_is_published_once() =>
        Decide(Notice(DeadlineKind.SignFor, SignForDue), [.. MissedSignFor, Noticed(Lead, DeadlineKind.SignFor, SignForDue, NoticeAt)])
            .ShouldBeEmpty();

    [Fact]
    public void another_breach_of_the_same_department_is_published_on_its_own() =>
        Decide(Notice(DeadlineKind.Reply, ReplyDue), [.. MissedReply, Noticed(Lead, DeadlineKind.SignFor, SignForDue, NoticeAt)])
            .ShouldHaveSingleItem();

    [Fact]
    public void nothing_is_published_on_a_concluded_whistle() =>
        Decide(Notice(DeadlineKind.Reply, ReplyDue), [.. MissedReply, Replied(Lead), SignedFor(CoHandler), Replied(CoHandler), Concluded()])
            .ShouldBeEmpty();

    [Fact]
    public void nothing_is_published_while_the_departments_clock_is_paused_by_a_rejection() =>
        Decide(Notice(DeadlineKind.SignFor, SignForDue), [.. MissedSignFor, Rejected(Lead), Paused(Lead)]).ShouldBeEmpty();

    [Fact]
    public void nothing_is_published_against_a_department_the_case_was_moved_away_from() =>
        Decide(Notice(DeadlineKind.SignFor, SignForDue),
                [.. MissedSignFor, Rejected(Lead), Paused(Lead), PauseEnded(Lead), Upheld(Lead, Other, DeadlinesFrom(BlownAt.AddHours(4)))])
            .ShouldBeEmpty();

    [Fact]
    public void a_breach_from_before_the_department_got_the_assignment_is_not_its_own()
    {
        // 住建 was given the case only after the due time named; a breach from before then is not its own.
        var notice = new BreachNoticeDue(WhistleId, Other, DeadlineKind.SignFor, BlownAt.AddHours(1), BlownAt.AddHours(1), NoticeAt, 0, 0);

        BreachNoticeDueHandler.Decide(notice, WhistleAfter(Blown(), Rejected(Lead), Upheld(Lead, Other, DeadlinesFrom(BlownAt.AddHours(4)))), NoticeAt)
            .ShouldBeEmpty();
    }
}
