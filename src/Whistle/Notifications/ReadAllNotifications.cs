using System.Security.Claims;
using Marten;
using Marten.Patching;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Notifications;

/// <summary>How many of the caller's notifications marking all read changed.</summary>
public sealed record NotificationsRead(int Marked);

/// <summary>Marks every unread notification of the caller read, at once.</summary>
public static class ReadAllNotificationsEndpoint
{
    [EndpointSummary("全部标为已读 Mark every notification read")]
    [EndpointDescription("把调用者的全部未读通知标为已读。Marks every unread notification of the caller read.")]
    [WolverinePost("/api/me/notifications/read-all", OperationId = "ReadAllNotifications")]
    public static async Task<NotificationsRead> Post(ClaimsPrincipal user, IDocumentSession session, DateTimeOffset now, CancellationToken ct)
    {
        var me = Scope.Of(user).UserId;
        var unread = await session.Query<Notification>().Where(n => n.UserId == me && n.ReadAt == null).Select(n => n.Id).ToListAsync(ct);
        foreach (var id in unread) session.Patch<Notification>(id).Set(x => x.ReadAt, now);
        return new NotificationsRead(unread.Count);
    }
}
