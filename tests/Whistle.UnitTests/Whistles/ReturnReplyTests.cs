using Shouldly;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class ReturnReplyTests
{
    private static readonly ReturnReply Return = new("屋顶仍有残留构件，请彻底清理。");

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(ReturnReply command, params object[] history) =>
        ReturnReplyEndpoint.Validate(command, WhistleAfter(history), Lead, Users.CommunityWorker(CommunityId, SubDistrictId));

    [Fact]
    public void the_whistler_sends_a_reply_back_and_the_department_must_reply_again_by_a_renewed_due_time()
    {
        var whistle = WhistleAfter(Blown(), SignedFor(Lead), Replied(Lead));
        var command = new ReturnReply("  屋顶仍有残留构件，请彻底清理。 ");
        var user = Users.CommunityWorker(CommunityId, SubDistrictId);

        ReturnReplyEndpoint.Validate(command, whistle, Lead, user).ShouldBeNoProblem();
        var (_, events, messages) = ReturnReplyEndpoint.Post(command, whistle, Lead, Timing, user, Now);

        var renewed = DeadlinesFrom(Now);
        events.ShouldBeEvents(new ReplyReturned(WhistleId, Lead, "屋顶仍有残留构件，请彻底清理。", renewed, Whistler, Now,
            [Audience.Officers(Lead)]));
        messages.ShouldSchedule(Scheduled.Reply(Lead, renewed));
    }

    [Fact]
    public void a_returned_reply_puts_the_assignment_back_in_hand_with_the_renewed_reply_due()
    {
        var renewed = DeadlinesFrom(BlownAt.AddDays(4));
        var lead = WhistleAfter(Blown(), SignedFor(Lead), Replied(Lead), Returned(Lead, renewed)).Find(Lead).ShouldNotBeNull();

        (lead.Status, lead.ReplyDue).ShouldBe((AssignmentStatus.SignedFor, renewed.ReplyDue));
    }

    [Fact]
    public void an_assignment_awaiting_sign_for_has_no_reply_to_return() =>
        Validate(Return, Blown()).ShouldBeConflict("The department has not replied; there is no reply to send back.");

    [Fact]
    public void an_assignment_in_hand_has_no_reply_to_return() =>
        Validate(Return, Blown(), SignedFor(Lead)).ShouldBeConflict("The department has not replied; there is no reply to send back.");

    [Fact]
    public void a_reply_already_returned_cannot_be_returned_again_before_the_next_reply() =>
        Validate(Return, Blown(), SignedFor(Lead), Replied(Lead), Returned(Lead, DeadlinesFrom(Now)))
            .ShouldBeConflict("there is no reply to send back");

    [Fact]
    public void the_reason_is_required() =>
        Validate(Return with { Reason = null }, Blown(), SignedFor(Lead), Replied(Lead)).ShouldRejectField("reason", "Required.");

    [Fact]
    public void a_worker_of_another_community_cannot_see_the_whistle() =>
        ReturnReplyEndpoint.Validate(Return, WhistleAfter(Blown(), SignedFor(Lead), Replied(Lead)), Lead,
                Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void a_department_not_on_the_whistle_has_no_reply_to_return() =>
        ReturnReplyEndpoint.Validate(Return, WhistleAfter(Blown()), Other, Users.CommunityWorker(CommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void a_concluded_whistle_returns_nothing() =>
        Validate(Return, [.. AllReplied, Concluded()]).ShouldBeConflict("The whistle has concluded.");

    [Fact]
    public void returning_with_a_stale_expected_version_is_a_conflict() =>
        Validate(Return with { ExpectedVersion = 1 }, Blown(), SignedFor(Lead), Replied(Lead)).ShouldBeStaleVersion(expected: 1, current: 3);
}
