using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class RequestExtensionTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>A week after the reply was first due (2026-03-11 17:00).</summary>
    private static readonly DateTimeOffset AWeekLater = new(2026, 3, 18, 17, 0, 0, China);

    private static readonly RequestExtension Request = new(AWeekLater, "需等待规划部门出具认定意见。");

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Check(RequestExtension command, DateTimeOffset now, params object[] history) =>
        RequestExtensionEndpoint.Check(command, WhistleAfter(history), Lead, Users.DepartmentOfficer(Lead), now);

    [Fact]
    public void a_department_asks_for_more_time_before_its_reply_is_due()
    {
        var whistle = WhistleAfter(Blown(), SignedFor(Lead));
        var command = Request with { Reason = "  需等待规划部门出具认定意见。 " };

        RequestExtensionEndpoint.Check(command, whistle, Lead, Users.DepartmentOfficer(Lead), Now).ShouldBeNoProblem();
        var (_, events) = RequestExtensionEndpoint.Post(command, whistle, Lead, Users.DepartmentOfficer(Lead), Now);

        events.ShouldBeEvents(new ExtensionRequested(WhistleId, Lead, AWeekLater, "需等待规划部门出具认定意见。", Officer(Lead), Now,
            [Audience.Community(Complaints.ComplaintHistory.CommunityId)]));
    }

    [Fact]
    public void an_assignment_not_yet_signed_for_may_ask_for_more_time() =>
        Check(Request, Now, Blown()).ShouldBeNoProblem();

    [Fact]
    public void asking_after_the_reply_due_time_is_a_conflict() =>
        Check(Request, Original.ReplyDue.AddMinutes(1), Blown(), SignedFor(Lead))
            .ShouldBeConflict("an extension must be asked before the due time");

    [Fact]
    public void asking_at_the_very_reply_due_time_is_too_late() =>
        Check(Request, Original.ReplyDue, Blown(), SignedFor(Lead))
            .ShouldBeConflict("an extension must be asked before the due time");

    [Fact]
    public void asking_a_minute_before_the_reply_due_time_is_in_time() =>
        Check(Request, Original.ReplyDue.AddMinutes(-1), Blown(), SignedFor(Lead)).ShouldBeNoProblem();

    [Fact]
    public void a_proposed_due_time_equal_to_the_current_one_is_a_bad_request() =>
        Check(Request with { ReplyDue = Original.ReplyDue }, Now, Blown(), SignedFor(Lead))
            .ShouldRejectField("replyDue", "The new due time must be later than the current one.");

    [Fact]
    public void a_proposed_due_time_earlier_than_the_current_one_is_a_bad_request() =>
        Check(Request with { ReplyDue = Original.ReplyDue.AddDays(-1) }, Now, Blown(), SignedFor(Lead))
            .ShouldRejectField("replyDue", "The new due time must be later than the current one.");

    [Fact]
    public void the_proposed_due_time_is_required() =>
        Check(Request with { ReplyDue = null }, Now, Blown(), SignedFor(Lead)).ShouldRejectField("replyDue", "Required");

    [Fact]
    public void the_reason_is_required() =>
        Check(Request with { Reason = " " }, Now, Blown(), SignedFor(Lead)).ShouldRejectField("reason", "Required.");

    [Fact]
    public void a_second_request_while_one_is_pending_is_a_conflict() =>
        Check(Request with { ReplyDue = AWeekLater.AddDays(1) }, Now, Blown(), SignedFor(Lead), ExtensionAsked(Lead, AWeekLater))
            .ShouldBeConflict("An extension request is already waiting for an answer.");

    [Fact]
    public void after_a_refusal_the_department_may_ask_again() =>
        Check(Request, Now, Blown(), SignedFor(Lead), ExtensionAsked(Lead, AWeekLater), Refused(Lead)).ShouldBeNoProblem();

    [Fact]
    public void after_a_grant_a_further_extension_must_be_later_than_the_granted_due_time()
    {
        object[] history = [Blown(), SignedFor(Lead), ExtensionAsked(Lead, AWeekLater), Granted(Lead, AWeekLater, AWeekLater.AddDays(-2))];

        Check(Request, Now, history).ShouldRejectField("replyDue", "must be later than the current one");
        Check(Request with { ReplyDue = AWeekLater.AddDays(3) }, Now, history).ShouldBeNoProblem();
    }

    [Fact]
    public void a_replied_assignment_needs_no_extension() =>
        Check(Request, Now, Blown(), SignedFor(Lead), Replied(Lead)).ShouldBeConflict("The assignment is Replied; no extension applies.");

    [Fact]
    public void a_rejected_assignment_needs_no_extension() =>
        Check(Request, Now, Blown(), Rejected(Lead)).ShouldBeConflict("The assignment is Rejected; no extension applies.");

    [Fact]
    public void another_departments_assignment_does_not_exist_for_an_officer() =>
        RequestExtensionEndpoint.Check(Request, WhistleAfter(Blown()), Lead, Users.DepartmentOfficer(Other), Now).ShouldBeNotFound();

    [Fact]
    public void a_concluded_whistle_takes_no_requests() =>
        Check(Request, Now, [.. AllReplied, Concluded()]).ShouldBeConflict("The whistle has concluded.");

    [Fact]
    public void asking_with_a_stale_expected_version_is_a_conflict() =>
        Check(Request with { ExpectedVersion = 1 }, Now, Blown(), SignedFor(Lead)).ShouldBeStaleVersion(expected: 1, current: 2);
}
