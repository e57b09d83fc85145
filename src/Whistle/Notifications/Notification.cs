using Whistle.County.Directory;

namespace Whistle.Notifications;

/// <summary>What a notification is about: the event that called someone to act.</summary>
public enum NoticeKind
{
    Assigned = 1,                 // 新派单
    Reminder = 2,                 // 催办
    Escalated = 3,                // 升级
    DeadlinesRenewed = 4,         // 时限更新
    RejectionAwaitingRuling = 5,  // 退单待审定
    Ruling = 6,                   // 退单审定结果
    ReplyReturned = 7,            // 退回重办
    ExtensionRequested = 8,       // 延期申请
    ExtensionGranted = 9,         // 延期批准
    ExtensionRefused = 10,        // 延期未批准
    RulingReminder = 11,          // 审定催办
    RulingOverdue = 12,           // 审定超时
    Supervision = 13,             // 县级督办
    BreachNotice = 14,            // 通报
    ComplaintReminder = 15,       // 诉求催办
    ComplaintOverdue = 16,        // 诉求超期
}

/// <summary>How an outbound notice reaches someone outside the application.</summary>
public enum NoticeChannel
{
    Sms = 1,
    Email = 2,
}

/// <summary>The outbound notice as delivered: by which channel, when the gateway took it, and after how many calls.</summary>
public sealed record NoticeDelivery(NoticeChannel Channel, DateTimeOffset SentAt, int Attempts);

/// <summary>
/// One user's in-app notification (站内通知) of one event: what happened, the case it concerns and where to open it,
/// when it was made and when the user read it, and the outbound notice's delivery when there was one. Its id is made
/// from the event's id and the user's, so the same event handled twice makes one notification per user.
/// </summary>
public sealed record Notification
{
    public Guid Id { get; init; }
    public string UserId { get; init; } = "";
    public NoticeKind Kind { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public Guid CaseId { get; init; }
    /// <summary>Where the case is read, e.g. /api/whistles/{id}.</summary>
    public string Link { get; init; } = "";
    public Guid EventId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
    public NoticeDelivery? Delivery { get; init; }

    public static Guid IdFor(Guid eventId, string userId) => DirectoryIds.For("notification", $"{eventId:N}/{userId}");
}
