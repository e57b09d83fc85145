using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.Notifications;
using Whistle.UnitTests.Complaints;
using Xunit;

namespace Whistle.UnitTests.Notifications;

/// <summary>The notice each complaint event that tells someone gives, word for word, before the complaint's number is put in.</summary>
public class ComplaintNoticesTests
{
    private static readonly DateTimeOffset Due = new(2026, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset At = new(2026, 3, 3, 3, 0, 0, TimeSpan.FromHours(8));
    private static readonly Audience[] Community = [Audience.Community(ComplaintHistory.CommunityId)];

    private static NotifyAudience Notice(object data) => ComplaintNotices.Of(EventSpecification.Wrap(data, 3)).ShouldNotBeNull();

    [Fact]
    public void a_reminder_tells_the_community_which_step_is_due_and_when() =>
        Notice(new ComplaintReminderSent(ComplaintHistory.Id, ComplaintStep.Accept, Due, At, Community)).ShouldSatisfyAllConditions(
            n => n.Kind.ShouldBe(NoticeKind.ComplaintReminder),
            n => (n.CaseId, n.Link).ShouldBe((ComplaintHistory.Id, $"/api/complaints/{ComplaintHistory.Id}")),
            n => n.Told.ShouldBe(Community),
            n => n.Title.ShouldBe("诉求催办：{complaint} 待受理"),
            n => n.Body.ShouldBe("诉求 {complaint} 须于 3月3日 09:00 前受理，请抓紧办理。"));

    [Theory]
    [InlineData(ComplaintStep.Accept, "受理")]
    [InlineData(ComplaintStep.Resolve, "办结")]
    [InlineData(ComplaintStep.FollowUp, "回访")]
    public void an_overdue_step_is_named(ComplaintStep step, string label) =>
        Notice(new ComplaintOverdue(ComplaintHistory.Id, step, Due, At, [.. Community, Audience.Office])).ShouldSatisfyAllConditions(
            n => n.Kind.ShouldBe(NoticeKind.ComplaintOverdue),
            n => n.Title.ShouldBe($"诉求超期：{{complaint}} 未按时{label}"),
            n => n.Body.ShouldBe($"诉求 {{complaint}} 应于 3月3日 09:00 前{label}，已超期。"));

    [Fact]
    public void an_event_that_tells_nobody_gives_no_notice()
    {
        ComplaintNotices.Of(EventSpecification.Wrap(new ComplaintOverdue(ComplaintHistory.Id, ComplaintStep.Accept, Due, At), 3)).ShouldBeNull();
        ComplaintNotices.Of(EventSpecification.Wrap(ComplaintHistory.Accepted(), 2)).ShouldBeNull();
    }
}
