using JasperFx.Events;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.Notifications;

/// <summary>
/// The notice each complaint event that tells someone gives: the reminder before a step's due time and the step
/// overdue (受理、办结、回访). Pure, from the event alone; <c>{complaint}</c> is the complaint's number, put in when handled.
/// </summary>
public static class ComplaintNotices
{
    public static NotifyAudience? Of(IEvent e) => e.Data switch
    {
        ComplaintReminderSent x => Notice(e, x.ComplaintId, x.Told, x.At, NoticeKind.ComplaintReminder,
            $"诉求催办：{{complaint}} 待{Step(x.Step)}",
            $"诉求 {{complaint}} 须于 {WhistleNotices.Time(x.DueAt)} 前{Step(x.Step)}，请抓紧办理。"),
        ComplaintOverdue x => Notice(e, x.ComplaintId, x.Told, x.At, NoticeKind.ComplaintOverdue,
            $"诉求超期：{{complaint}} 未按时{Step(x.Step)}",
            $"诉求 {{complaint}} 应于 {WhistleNotices.Time(x.DueAt)} 前{Step(x.Step)}，已超期。"),
        _ => null,
    };

    public static string Step(ComplaintStep step) => step switch
    {
        ComplaintStep.Accept => "受理",
        ComplaintStep.Resolve => "办结",
        _ => "回访",
    };

    private static NotifyAudience? Notice(
        IEvent e, Guid complaintId, IReadOnlyList<Audience>? told, DateTimeOffset at, NoticeKind kind, string title, string body) =>
        told is { Count: > 0 } ? new NotifyAudience(e.Id, kind, complaintId, $"/api/complaints/{complaintId}", title, body, told, at) : null;
}
