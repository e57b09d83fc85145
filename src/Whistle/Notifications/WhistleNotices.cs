using System.Globalization;
using JasperFx.Events;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.Notifications;

/// <summary>
/// The notice each whistle event that tells someone gives (in Chinese, as the staff read it): pure, from the event
/// alone. Where the event names a department it writes <c>{department:code}</c>, and <c>{complaint}</c> for the
/// complaint's number; <see cref="NoticeTexts.Fill"/> puts in the directory's names when the notice is handled.
/// </summary>
public static class WhistleNotices
{
    /// <summary>The notice of an event, or null when it tells nobody (no <c>Told</c>, as on events recorded before audiences were named).</summary>
    public static NotifyAudience? Of(IEvent e) => e.Data switch
    {
        WhistleBlown x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.Assigned,
            $"新派单：{x.ComplaintNumber}",
            $"{Level(x.Level)}吹哨（{Type(x.Type)}），由{Departments(x.Assignments)}办理，请于 {Time(x.Assignments[0].Deadlines.SignForDue)} 前签收。诉求：{Short(x.Need)}。"),
        ReminderSent x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.Reminder,
            $"催办：{{complaint}} 待{Step(x.Kind)}",
            $"{Department(x.Department)}的吹哨任务须于 {Time(x.DueAt)} 前{Step(x.Kind)}，请抓紧办理。"),
        WhistleEscalated x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.Escalated,
            $"升级：{{complaint}} 已升至{Level(x.To)}",
            $"{Department(x.Department)}未按时{Step(x.Missed)}，吹哨由{Level(x.From)}升至{Level(x.To)}；新的{Step(x.Missed)}时限为 {Time(Due(x.Renewed, x.Missed))}。"),
        AssignmentDeadlinesRenewed x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.DeadlinesRenewed,
            $"时限更新：{{complaint}}",
            $"{Department(x.Department)}未按时{Step(x.Missed)}，吹哨仍在{Level(x.Level)}；新的{Step(x.Missed)}时限为 {Time(Due(x.Renewed, x.Missed))}。"),
        AssignmentRejected x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.RejectionAwaitingRuling,
            $"退单待审定：{{complaint}}",
            $"{Department(x.Department)}以“{Short(x.LegalBasis)}”为由退单：{Short(x.Reason)}。请审定。"),
        RejectionArbitrated { Ruling: ArbitrationRuling.Upheld, Reassignment: { } to } x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.Ruling,
            $"退单审定：{{complaint}} 退单成立",
            $"{Department(x.Department)}退单成立，改由{Department(to.Department)}办理，请于 {Time(to.Deadlines.SignForDue)} 前签收。理由：{Short(x.Reason)}。"),
        RejectionArbitrated x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.Ruling,
            $"退单审定：{{complaint}} 退单不成立",
            $"{Department(x.Department)}退单不成立，须继续办理，反馈时限为 {Time(x.Renewed?.ReplyDue ?? x.At)}。理由：{Short(x.Reason)}。"),
        ReplyReturned x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.ReplyReturned,
            $"退回重办：{{complaint}}",
            $"{Department(x.Department)}的反馈被退回：{Short(x.Reason)}。请于 {Time(x.Renewed.ReplyDue)} 前重新反馈。"),
        ExtensionRequested x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.ExtensionRequested,
            $"延期申请：{{complaint}}",
            $"{Department(x.Department)}申请将反馈时限延至 {Time(x.ProposedReplyDue)}：{Short(x.Reason)}。请批复。"),
        ExtensionGranted x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.ExtensionGranted,
            $"延期已批准：{{complaint}}",
            $"{Department(x.Department)}的反馈时限已延至 {Time(x.ReplyDue)}。"),
        ExtensionRefused x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.ExtensionRefused,
            $"延期未批准：{{complaint}}",
            $"{Department(x.Department)}的延期申请未获批准，仍须按原时限反馈。理由：{Short(x.Reason)}。"),
        RulingReminderSent x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.RulingReminder,
            $"审定催办：{{complaint}}",
            $"{Department(x.Department)}的退单待审定，须于 {Time(x.DueAt)} 前作出审定。"),
        RulingOverdue x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.RulingOverdue,
            $"审定超时：{{complaint}}",
            $"{Department(x.Department)}的退单应于 {Time(x.DueAt)} 前审定，至今未审定。"),
        SupervisionOpened x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.Supervision,
            $"县级督办：{{complaint}}",
            $"{Department(x.Department)}退单的审定逾期（应于 {Time(x.RulingDue)} 前），吹哨由{Level(x.From)}升至{Level(x.To)}。"),
        BreachNoticePublished x => Notice(e, x.WhistleId, x.Told, x.At, NoticeKind.BreachNotice,
            $"通报：{x.ComplaintNumber}",
            $"{Department(x.Department)}未按时{Step(x.Missed)}（应于 {Time(x.DueAt)} 前），逾期至今未纠正，予以通报。"),
        _ => null,
    };

    internal static NotifyAudience? Notice(
        IEvent e, Guid whistleId, IReadOnlyList<Audience>? told, DateTimeOffset at, NoticeKind kind, string title, string body) =>
        told is { Count: > 0 } ? new NotifyAudience(e.Id, kind, whistleId, $"/api/whistles/{whistleId}", title, body, told, at) : null;

    public static string Department(string code) => $"{{department:{code}}}";

    private static string Departments(IReadOnlyList<AssignmentTerms> assignments)
    {
        var lead = assignments.Where(a => a.Role == AssignmentRole.Lead).Select(a => Department(a.Department));
        var co = assignments.Where(a => a.Role == AssignmentRole.CoHandling).Select(a => Department(a.Department)).ToList();
        return string.Join("、", lead) + "牵头" + (co.Count == 0 ? "" : "，" + string.Join("、", co) + "配合");
    }

    private static DateTimeOffset Due(AssignmentDeadlines due, DeadlineKind kind) => kind == DeadlineKind.SignFor ? due.SignForDue : due.ReplyDue;

    public static string Time(DateTimeOffset instant) => CountyTime.Local(instant).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string Step(DeadlineKind kind) => kind == DeadlineKind.SignFor ? "签收" : "反馈";

    public static string Level(WhistleLevel level) => level switch
    {
        WhistleLevel.Community => "社区",
        WhistleLevel.SubDistrict => "街道",
        WhistleLevel.JointMeeting => "联席会议",
        _ => "县级督办",
    };

    private static string Type(WhistleType type) => type switch
    {
        WhistleType.Emergency => "应急哨",
        WhistleType.Tough => "攻坚哨",
        _ => "日常哨",
    };

    /// <summary>
    /// Free text the notice quotes, without its closing full stop (the notice puts its own), cut to 60 characters so a
    /// notice stays one short message.
    /// </summary>
    internal static string Short(string text)
    {
        var quoted = text.Trim().TrimEnd('。', '.', '；', ';', '！', '!');
        return quoted.Length <= 60 ? quoted : quoted[..59] + "…";
    }
}
