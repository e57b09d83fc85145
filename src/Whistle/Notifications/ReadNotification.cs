using System.Security.Claims;
using Marten;
using Marten.Patching;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Notifications;

/// <summary>Marks one of the caller's notifications read; reading it again keeps the first time. Another user's is 404.</summary>
public static class ReadNotificationEndpoint
{
    public static Task<Notification?> LoadAsync(Guid notificationId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<Notification>(notificationId, ct);

    public static ProblemDetails Validate(Guid notificationId, Notification? notification, ClaimsPrincipal user) =>
        notification is not null && notification.UserId == Scope.Of(user).UserId
            ? Problems.None
            : Problems.NotFound($"没有通知 {notificationId}。", $"No notification {notificationId}.");

    [EndpointSummary("标为已读 Mark a notification read")]
    [EndpointDescription("把调用者的一条通知标为已读；再次标记保留首次时间，他人的通知为 404。Marks one of the caller's notifications read; again keeps the first time; another user's is 404.")]
    [WolverinePost("/api/me/notifications/{notificationId}/read", OperationId = "ReadNotification")]
    public static Notification Post(Notification notification, IDocumentSession session, DateTimeOffset now)
    {
        if (notification.ReadAt is not null) return notification;
        // A patch, not a store: the outbound notice's delivery may be being recorded at this moment.
        session.Patch<Notification>(notification.Id).Set(x => x.ReadAt, now);
        return notification with { ReadAt = now };
    }
}
