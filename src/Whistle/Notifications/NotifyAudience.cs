using Marten;
using JasperFx;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.County.Staff;
using Whistle.Kernel;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;
using WhistleModel = Whistle.Whistles.Whistle;

namespace Whistle.Notifications;

/// <summary>
/// An event told these audiences: make each active staff member they name now a notification, and send one outbound
/// notice to each who has a contact. Relayed from the event store by the notification subscription (see
/// <see cref="NotificationsSetup"/>); <see cref="EventId"/> is the event's.
/// </summary>
public sealed record NotifyAudience(
    Guid EventId, NoticeKind Kind, Guid CaseId, string Link, string Title, string Body, IReadOnlyList<Audience> Told, DateTimeOffset At);

public static class NotifyAudienceHandler
{
    /// <summary>The same event handled twice at once: one insert loses, and its retry finds the notifications made.</summary>
    public static void Configure(HandlerChain chain) => chain.OnException<DocumentAlreadyExistsException>().RetryTimes(3);

    public static async Task<OutgoingMessages> Handle(NotifyAudience message, IDocumentSession session, CancellationToken ct)
    {
        var recipients = await StaffAudience.ResolveAsync(session, message.Told, ct);
        var ids = recipients.Select(r => Notification.IdFor(message.EventId, r.UserId)).ToArray();
        var made = (await session.LoadManyAsync<Notification>(ct, ids)).Select(n => n.Id).ToHashSet();
        var filled = await FillAsync(message, session, ct);
        var (notifications, notices) = Notify(filled, recipients, made);
        foreach (var notification in notifications) session.Insert(notification);
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(notices);
        return outgoing;
    }

    /// <summary>
    /// The decision: a notification for each recipient not already notified of this event, and an outbound notice for
    /// each of those with a contact (SMS when they have a phone, else e-mail). Pure.
    /// </summary>
    public static (IReadOnlyList<Notification> Notifications, IReadOnlyList<SendNotice> Notices) Notify(
        NotifyAudience message, IReadOnlyList<StaffMember> recipients, IReadOnlySet<Guid> alreadyMade)
    {
        var notifications = new List<Notification>();
        var notices = new List<SendNotice>();
        foreach (var recipient in recipients)
        {
            var id = Notification.IdFor(message.EventId, recipient.UserId);
            if (alreadyMade.Contains(id)) continue;
            var notification = new Notification
            {
                Id = id, UserId = recipient.UserId, Kind = message.Kind, Title = message.Title, Body = message.Body,
                CaseId = message.CaseId, Link = message.Link, EventId = message.EventId, CreatedAt = message.At,
            };
            notifications.Add(notification);
            if (Contact(recipient.Info) is { } contact)
                notices.Add(new SendNotice(id, recipient.UserId, contact.Channel, contact.Address, NoticeTexts.Outbound(notification)));
        }
        return (notifications, notices);
    }

    /// <summary>Where an outbound notice goes: the phone by SMS, else the e-mail address; none without either.</summary>
    public static (NoticeChannel Channel, string Address)? Contact(StaffInfo info) =>
        info.Phone is { Length: > 0 } phone ? (NoticeChannel.Sms, phone)
        : info.Email is { Length: > 0 } email ? (NoticeChannel.Email, email)
        : null;

    /// <summary>The notice with the directory's department names and the complaint's number put in.</summary>
    private static async Task<NotifyAudience> FillAsync(NotifyAudience message, IDocumentSession session, CancellationToken ct)
    {
        var codes = NoticeTexts.DepartmentsIn(message.Title + message.Body).ToList();
        var names = (await session.Query<Department>().Where(d => codes.Contains(d.Code)).ToListAsync(ct))
            .ToDictionary(d => d.Code, d => d.Info.Name, StringComparer.Ordinal);
        var number = message.Link.StartsWith("/api/complaints/", StringComparison.Ordinal)
            ? (await session.Events.FetchLatest<Complaint>(message.CaseId, ct))?.Number
            : (await session.Events.FetchLatest<WhistleModel>(message.CaseId, ct))?.ComplaintNumber;
        number = number is { Length: > 0 } ? number : null;
        return message with { Title = NoticeTexts.Fill(message.Title, names, number), Body = NoticeTexts.Fill(message.Body, names, number) };
    }
}
