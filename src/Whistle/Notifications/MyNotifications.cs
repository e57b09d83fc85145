using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Notifications;

/// <summary>A page of the caller's notifications, with how many there are and how many are unread in all.</summary>
public sealed record NotificationPage(IReadOnlyList<Notification> Items, int Page, int PageSize, int Total, int Unread);

public static class MyNotificationsEndpoint
{
    public const int MaxPageSize = 100;

    public static ProblemDetails Validate(int? page, int? pageSize) =>
        new FieldErrors()
            .When(page is < 1 or > 10_000, "page", "应为 1 到 10000。1 to 10000.")
            .When(pageSize is < 1 or > MaxPageSize, "pageSize", $"应为 1 到 {MaxPageSize}。1 to {MaxPageSize}.")
            .ToProblem();

    /// <summary>
    /// The caller's own notifications, newest first; <c>unread=true</c> keeps the unread (<c>false</c> the read), with
    /// <c>page</c> and <c>pageSize</c> (20 by default, at most 100). Nobody reads another user's notifications.
    /// </summary>
    [EndpointSummary("我的通知 My notifications")]
    [WolverineGet("/api/me/notifications", OperationId = "ListMyNotifications")]
    public static Task<NotificationPage> Get(
        bool? unread, int? page, int? pageSize, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        ReadAsync(unread, page ?? 1, pageSize ?? 20, user, session, ct);

    /// <summary>The query itself, shared by the API and the home page: only the caller's own, newest first.</summary>
    public static async Task<NotificationPage> ReadAsync(
        bool? unread, int page, int pageSize, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var me = Scope.Of(user).UserId;
        var mine = session.Query<Notification>().Where(n => n.UserId == me);
        var shown = unread switch
        {
            true => mine.Where(n => n.ReadAt == null),
            false => mine.Where(n => n.ReadAt != null),
            null => mine,
        };
        var items = await shown.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new NotificationPage(items, page, pageSize, await shown.CountAsync(ct), await mine.CountAsync(n => n.ReadAt == null, ct));
    }
}
