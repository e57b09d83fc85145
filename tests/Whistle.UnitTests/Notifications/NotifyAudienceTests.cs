using Shouldly;
using Whistle.County.Staff;
using Whistle.Kernel;
using Whistle.Notifications;
using Xunit;

namespace Whistle.UnitTests.Notifications;

/// <summary>The decision of handling a notice: one notification per recipient, once, and an outbound notice where there is a contact.</summary>
public class NotifyAudienceTests
{
    private static readonly Guid EventId = Guid.Parse("019ca8f0-3000-7000-8000-00000000e001");
    private static readonly Guid WhistleId = Guid.Parse("019ca8f0-3000-7000-8000-00000000b001");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly NotifyAudience Message = new(
        EventId, NoticeKind.Assigned, WhistleId, $"/api/whistles/{WhistleId}", "新派单：TS-2026-000123", "请于 3月3日 09:00 前签收。",
        [Audience.Officers("chengguan")], At);

    private static StaffMember Member(string userId, string? phone, string? email) => new()
    {
        UserId = userId, Info = new StaffInfo(userId, Roles.Department, null, null, "chengguan", phone, email, true),
    };

    private static readonly StaffMember[] Officers =
        [Member("chengguan", "13800000012", "chengguan@example.gov.cn"), Member("chengguan2", null, "c2@example.gov.cn"), Member("chengguan3", null, null)];

    [Fact]
    public void each_recipient_gets_a_notification_whose_id_is_made_from_the_event_and_the_user()
    {
        var (notifications, _) = NotifyAudienceHandler.Notify(Message, Officers, new HashSet<Guid>());

        notifications.Select(n => n.UserId).ShouldBe(["chengguan", "chengguan2", "chengguan3"]);
        notifications[0].ShouldBe(new Notification
        {
            Id = Notification.IdFor(EventId, "chengguan"), UserId = "chengguan", Kind = NoticeKind.Assigned, Title = "新派单：TS-2026-000123",
            Body = "请于 3月3日 09:00 前签收。", CaseId = WhistleId, Link = $"/api/whistles/{WhistleId}", EventId = EventId, CreatedAt = At,
        });
        notifications.Select(n => n.Id).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void the_outbound_notice_goes_by_sms_to_a_phone_else_by_email_and_not_at_all_without_a_contact()
    {
        var (_, notices) = NotifyAudienceHandler.Notify(Message, Officers, new HashSet<Guid>());

        notices.Select(n => (n.UserId, n.Channel, n.Contact)).ShouldBe([
            ("chengguan", NoticeChannel.Sms, "13800000012"), ("chengguan2", NoticeChannel.Email, "c2@example.gov.cn")]);
        notices[0].NotificationId.ShouldBe(Notification.IdFor(EventId, "chengguan"));
        notices[0].Text.ShouldBe($"【吹哨报到】新派单：TS-2026-000123。请于 3月3日 09:00 前签收。（详见 /api/whistles/{WhistleId}）");
    }

    [Fact]
    public void the_same_event_handled_again_makes_nothing_for_those_already_notified()
    {
        var made = new HashSet<Guid> { Notification.IdFor(EventId, "chengguan"), Notification.IdFor(EventId, "chengguan2") };

        var (notifications, notices) = NotifyAudienceHandler.Notify(Message, Officers, made);

        notifications.ShouldHaveSingleItem().UserId.ShouldBe("chengguan3");
        notices.ShouldBeEmpty();
    }

    [Fact]
    public void notification_ids_differ_by_event_and_by_user_and_are_the_same_each_time() =>
        new[]
        {
            Notification.IdFor(EventId, "chengguan"), Notification.IdFor(EventId, "gongan"), Notification.IdFor(WhistleId, "chengguan"),
        }.Distinct().Count().ShouldBe(3);
}
