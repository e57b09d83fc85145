using Whistle.County.Deadlines;
using Whistle.Whistles;
using static Whistle.History.Timeline.Sentences;

namespace Whistle.History.Timeline;

/// <summary>The phrases of a whistle stream's events, with the policy and calendar versions of the due times they set. Pure.</summary>
public static class WhistleSentences
{
    public static Phrase? Of(object data, SentenceContext c) => data switch
    {
        WhistleBlown e => Versions(new(
            $"吹响{c.StreamZh}（{Type(e.Type)}，{Level(e.Level)}；{Assigned(e.Assignments, zh: true)}；诉求：{e.Need}；目录第 {e.CatalogueVersion} 版"
                + (e.Origin is { } o ? $"；联席会议第 {o.ItemNumber} 项决议）" : "）"),
            $"blew {c.StreamEn} ({Words(e.Type)}, {Words(e.Level)} level; {Assigned(e.Assignments, zh: false)}; need: {e.Need}; catalogue v{e.CatalogueVersion}"
                + (e.Origin is { } p ? $"; resolution on joint-meeting item {p.ItemNumber})" : ")")),
            e.Assignments.Count > 0 ? e.Assignments[0].Deadlines : null),
        AssignmentSignedFor e => new($"签收{c.StreamZh}中 {e.Department} 的任务", $"signed for {e.Department}'s part of {c.StreamEn}"),
        AssignmentReplied e => new($"就{c.StreamZh}反馈 {e.Department} 的办理结果：{e.Result}", $"replied for {e.Department} on {c.StreamEn}: {e.Result}"),
        ExtensionRequested e => new($"为{c.StreamZh}中 {e.Department} 的任务申请延期至 {Time(e.ProposedReplyDue)}：{e.Reason}",
            $"asked to extend {e.Department}'s reply on {c.StreamEn} to {Time(e.ProposedReplyDue)}: {e.Reason}"),
        ExtensionGranted e => new($"同意{c.StreamZh}中 {e.Department} 延期至 {Time(e.ReplyDue)}", $"granted {e.Department} an extension on {c.StreamEn} to {Time(e.ReplyDue)}"),
        ExtensionRefused e => new($"不同意{c.StreamZh}中 {e.Department} 的延期申请：{e.Reason}", $"refused {e.Department}'s extension on {c.StreamEn}: {e.Reason}"),
        AssignmentRejected e => new($"{e.Department} 对{c.StreamZh}退单（依据：{e.LegalBasis}）：{e.Reason}",
            $"rejected {e.Department}'s part of {c.StreamEn} (basis: {e.LegalBasis}): {e.Reason}"),
        RejectionArbitrated { Ruling: ArbitrationRuling.Upheld } e => Versions(new(
            $"审定{c.StreamZh}中 {e.Department} 退单成立" + (e.Reassignment is { } r ? $"，改由 {r.Department} 办理" : "") + $"：{e.Reason}",
            $"upheld {e.Department}'s rejection of {c.StreamEn}" + (e.Reassignment is { } s ? $", moving it to {s.Department}" : "") + $": {e.Reason}"),
            e.Reassignment?.Deadlines),
        RejectionArbitrated e => Versions(new($"审定{c.StreamZh}中 {e.Department} 退单不成立：{e.Reason}", $"overruled {e.Department}'s rejection of {c.StreamEn}: {e.Reason}"),
            e.Renewed),
        ReminderSent e => new($"催办{c.StreamZh}中 {e.Department} 的{Kind(e.Kind)}（应于 {Time(e.DueAt)} 前）",
            $"reminded {e.Department} to {Words(e.Kind)} on {c.StreamEn} by {Time(e.DueAt)}"),
        AssignmentOverdue e => new($"记录{c.StreamZh}中 {e.Department} 的{Kind(e.Kind)}超期（应于 {Time(e.DueAt)} 前）",
            $"recorded {e.Department} overdue to {Words(e.Kind)} on {c.StreamEn}, due {Time(e.DueAt)}"),
        WhistleEscalated e => Versions(new(
            $"因 {e.Department} 未按时{Kind(e.Missed)}，{c.StreamZh}由{Level(e.From)}升至{Level(e.To)}，{e.Department} 的签收时限重置为 {Time(e.Renewed.SignForDue)}",
            $"raised {c.StreamEn} from {Words(e.From)} to {Words(e.To)} level because {e.Department} missed its {Words(e.Missed)}; {e.Department} signs for by {Time(e.Renewed.SignForDue)}"),
            e.Renewed),
        AssignmentDeadlinesRenewed e => Versions(new(
            $"{e.Department} 在同一轮中未按时{Kind(e.Missed)}，{c.StreamZh}仍为{Level(e.Level)}，其签收时限重置为 {Time(e.Renewed.SignForDue)}",
            $"renewed {e.Department}'s due times on {c.StreamEn} after a missed {Words(e.Missed)} in the same round ({Words(e.Level)} level); signs for by {Time(e.Renewed.SignForDue)}"),
            e.Renewed),
        ReplyReturned e => Versions(new($"退回{c.StreamZh}中 {e.Department} 的反馈，须于 {Time(e.Renewed.ReplyDue)} 前重新反馈：{e.Reason}",
            $"returned {e.Department}'s reply on {c.StreamEn}, to reply again by {Time(e.Renewed.ReplyDue)}: {e.Reason}"), e.Renewed),
        DepartmentRated e => new($"评价{c.StreamZh}中 {e.Department} 的办理：{e.Score} 分", $"rated {e.Department}'s work on {c.StreamEn}: {e.Score}"),
        WhistleConcluded => new($"确认{c.StreamZh}办结", $"concluded {c.StreamEn}"),
        AssignmentPaused e => new($"暂停{c.StreamZh}中 {e.Department} 的计时，待联席办于 {Time(e.Ruling.Due)} 前审定退单",
            $"paused {e.Department}'s clock on {c.StreamEn} until the office rules on its rejection, due {Time(e.Ruling.Due)}",
            e.Ruling.PolicyVersion, e.Ruling.CalendarVersion),
        AssignmentPauseEnded e => new($"恢复{c.StreamZh}中 {e.Department} 的计时", $"ended the pause of {e.Department}'s clock on {c.StreamEn}"),
        RulingReminderSent e => new($"催办联席办审定{c.StreamZh}中 {e.Department} 的退单（应于 {Time(e.DueAt)} 前）",
            $"reminded the office to rule on {e.Department}'s rejection of {c.StreamEn} by {Time(e.DueAt)}"),
        RulingOverdue e => new($"记录联席办对{c.StreamZh}中 {e.Department} 退单的审定超期（应于 {Time(e.DueAt)} 前）",
            $"recorded the office's ruling on {e.Department}'s rejection of {c.StreamEn} overdue, due {Time(e.DueAt)}"),
        SupervisionOpened e => new($"因审定超期，{c.StreamZh}由{Level(e.From)}转{Level(e.To)}（{e.Department} 的退单应于 {Time(e.RulingDue)} 前审定）",
            $"sent {c.StreamEn} from {Words(e.From)} to {Words(e.To)} level: the ruling on {e.Department}'s rejection was due {Time(e.RulingDue)}"),
        BreachNoticePublished e => new($"通报 {e.Department} 在{c.StreamZh}中未按时{Kind(e.Missed)}（应于 {Time(e.DueAt)} 前）",
            $"published a breach notice: {e.Department} missed its {Words(e.Missed)} on {c.StreamEn}, due {Time(e.DueAt)}", e.PolicyVersion, e.CalendarVersion),
        WhistlerRated e => new($"{e.Department} 评价{c.StreamZh}的吹哨方：合理 {e.WellFounded} 分，配合 {e.Cooperation} 分",
            $"rated the whistler of {c.StreamEn} for {e.Department}: well-founded {e.WellFounded}, cooperation {e.Cooperation}"),
        WhistleTakenOverByMeeting e => new($"记录联席会议第 {e.ItemNumber} 项决议接办{c.StreamZh}", $"recorded that joint-meeting item {e.ItemNumber}'s resolution took over {c.StreamEn}"),
        _ => null,
    };

    private static Phrase Versions(Phrase phrase, AssignmentDeadlines? deadlines) =>
        deadlines is null ? phrase : phrase with { PolicyVersion = deadlines.PolicyVersion, CalendarVersion = deadlines.CalendarVersion };

    private static string Assigned(IEnumerable<AssignmentTerms> assignments, bool zh) => zh
        ? ZhList(assignments.Select(a => $"{a.Department} {(a.Role == AssignmentRole.Lead ? "牵头" : "配合")}，{Time(a.Deadlines.SignForDue)} 前签收"))
        : EnList(assignments.Select(a => $"{a.Department} {(a.Role == AssignmentRole.Lead ? "leads" : "co-handles")}, signs for by {Time(a.Deadlines.SignForDue)}"));

    public static string Type(WhistleType type) => type switch
    {
        WhistleType.Emergency => "应急哨",
        WhistleType.Routine => "日常哨",
        WhistleType.Tough => "攻坚哨",
        _ => type.ToString(),
    };

    private static string Level(WhistleLevel level) => level switch
    {
        WhistleLevel.Community => "社区级",
        WhistleLevel.SubDistrict => "街道级",
        WhistleLevel.JointMeeting => "联席会议级",
        WhistleLevel.CountySupervision => "县级督办",
        _ => level.ToString(),
    };

    private static string Kind(DeadlineKind kind) => kind switch
    {
        DeadlineKind.SignFor => "签收",
        DeadlineKind.Reply => "反馈",
        _ => kind.ToString(),
    };
}
