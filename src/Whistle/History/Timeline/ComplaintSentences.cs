using Whistle.Complaints;
using Whistle.County.Deadlines;
using static Whistle.History.Timeline.Sentences;

namespace Whistle.History.Timeline;

/// <summary>The phrases of a complaint stream's events. Pure: the complainant's name and phone are masked unless the reader sees personal data.</summary>
public static class ComplaintSentences
{
    public static Phrase? Of(object data, SentenceContext c) => data switch
    {
        ComplaintLodged e => Due(
            $"登记{c.StreamZh}（{Channel(e.Channel)}；投诉人 {Name(e.Complainant.Name, c)}，电话 {Phone(e.Complainant.Phone, c)}）",
            $"lodged {c.StreamEn} ({Words(e.Channel)}; complainant {Name(e.Complainant.Name, c)}, phone {Phone(e.Complainant.Phone, c)})", e.Due),
        ComplaintAccepted e => Due($"受理{c.StreamZh}", $"accepted {c.StreamEn}", e.Due),
        ComplaintDeclined e => new($"不予受理{c.StreamZh}：{e.Reason}", $"declined {c.StreamEn}: {e.Reason}"),
        ComplaintNoteAdded { Visibility: NoteVisibility.Public } e => new($"为{c.StreamZh}添加公开答复：{e.Text}", $"added a public reply to {c.StreamEn}: {e.Text}"),
        ComplaintNoteAdded e => new($"为{c.StreamZh}添加内部备注：{e.Text}", $"added an internal note to {c.StreamEn}: {e.Text}"),
        ComplaintResolved e => Due($"办结{c.StreamZh}：{e.Outcome}", $"resolved {c.StreamEn}: {e.Outcome}", e.Due),
        ComplaintFollowUpRecorded e => new($"回访{c.StreamZh}：{Satisfied(e.Satisfaction)}", $"followed up {c.StreamEn}: {Words(e.Satisfaction)}"),
        ComplaintClosed => new($"结案{c.StreamZh}", $"closed {c.StreamEn}"),
        ComplaintReopened e => Due($"重新办理{c.StreamZh}：{e.Reason}", $"reopened {c.StreamEn}: {e.Reason}", e.Due),
        ComplaintWithdrawn e => new($"撤回{c.StreamZh}：{e.Reason}", $"withdrew {c.StreamEn}: {e.Reason}"),
        ComplaintMarkedDuplicate e => new($"将{c.StreamZh}标记为投诉 {e.OriginalNumber} 的重复投诉", $"marked {c.StreamEn} as a duplicate of complaint {e.OriginalNumber}"),
        ComplaintLinked e => new($"将{c.StreamZh}与投诉 {e.OtherNumber} 关联", $"linked {c.StreamEn} with complaint {e.OtherNumber}"),
        ComplaintWhistled e => new($"就{c.StreamZh}吹{WhistleSentences.Type(e.Type)}（部门：{ZhList(e.Departments)}）",
            $"blew a {Words(e.Type)} whistle on {c.StreamEn} (departments: {EnList(e.Departments)})"),
        ComplaintWhistleConcluded => new($"记录{c.StreamZh}的吹哨已办结", $"recorded that the whistle on {c.StreamEn} concluded"),
        ComplaintWhistleReassigned e => new($"记录{c.StreamZh}的吹哨改由 {ZhList(e.Departments)} 办理",
            $"recorded that the whistle on {c.StreamEn} is now handled by {EnList(e.Departments)}"),
        ComplaintCited e => new($"记录{c.StreamZh}被 {e.CitingNumber} 引为理由", $"recorded that {e.CitingNumber} cites {c.StreamEn}"),
        ComplaintReminderSent e => new($"催办{c.StreamZh}的{Step(e.Step)}（应于 {Time(e.DueAt)} 前完成）",
            $"reminded {c.StreamEn} of its {Words(e.Step)} step, due {Time(e.DueAt)}"),
        ComplaintOverdue e => new($"记录{c.StreamZh}的{Step(e.Step)}已超期（应于 {Time(e.DueAt)} 前完成）",
            $"recorded {c.StreamEn} overdue on its {Words(e.Step)} step, due {Time(e.DueAt)}"),
        _ => null,
    };

    /// <summary>A phrase that set the next step's due time: it says when, under which policy and calendar versions.</summary>
    private static Phrase Due(string zh, string en, ComplaintDeadline? due) => due is null
        ? new(zh, en)
        : new($"{zh}，{Step(due.Step)}应于 {Time(due.DueAt)} 前完成", $"{en}; {Words(due.Step)} due {Time(due.DueAt)}", due.PolicyVersion, due.CalendarVersion);

    public static string Step(ComplaintStep step) => step switch
    {
        ComplaintStep.Accept => "受理",
        ComplaintStep.Resolve => "办结",
        ComplaintStep.FollowUp => "回访",
        _ => step.ToString(),
    };

    private static string Channel(ComplaintChannel channel) => channel switch
    {
        ComplaintChannel.Hotline => "12345 热线",
        ComplaintChannel.WalkIn => "来访",
        ComplaintChannel.Online => "网上",
        ComplaintChannel.GridPatrol => "网格巡查",
        ComplaintChannel.Referral => "转办",
        _ => channel.ToString(),
    };

    private static string Satisfied(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        Satisfaction.Unsatisfied => "不满意",
        _ => satisfaction.ToString(),
    };
}
