using Whistle.JointMeetings.Meetings;
using static Whistle.History.Timeline.Sentences;

namespace Whistle.History.Timeline;

/// <summary>The phrases of a joint meeting's events; a case's timeline holds only the items and resolutions that name its whistles. Pure.</summary>
public static class MeetingSentences
{
    public static Phrase? Of(object data, SentenceContext c) => data switch
    {
        JointMeetingConvened e => new($"召集{c.StreamZh}（{Time(e.ScheduledAt)}，{e.Venue}）", $"convened {c.StreamEn} ({Time(e.ScheduledAt)}, {e.Venue})"),
        AgendaItemProposed e => new($"将投诉 {e.Item.ComplaintNumber} 的吹哨列为{c.StreamZh}第 {e.Item.Number} 项议题", $"proposed the whistle on complaint {e.Item.ComplaintNumber} as item {e.Item.Number} of {c.StreamEn}"),
        AgendaItemAdded e => new($"将投诉 {e.Item.ComplaintNumber} 的吹哨增列为{c.StreamZh}第 {e.Item.Number} 项议题：{e.Reason}",
            $"added the whistle on complaint {e.Item.ComplaintNumber} as item {e.Item.Number} of {c.StreamEn}: {e.Reason}"),
        AgendaItemDropped e => new($"撤下{c.StreamZh}第 {e.ItemNumber} 项议题：{e.Reason}", $"dropped item {e.ItemNumber} of {c.StreamEn}: {e.Reason}"),
        JointMeetingHeld e => new($"召开{c.StreamZh}（{e.Attendance.Count(a => a.Present)} 个部门出席）", $"held {c.StreamEn} ({e.Attendance.Count(a => a.Present)} departments present)"),
        ResolutionAdopted e => new($"{c.StreamZh}就第 {e.ItemNumber} 项作出决议：{e.Lead} 牵头" + (e.CoHandling.Count > 0 ? $"，{ZhList(e.CoHandling)} 配合" : "") + $"，{Time(e.Deadline)} 前{e.Action}",
            $"adopted a resolution on item {e.ItemNumber} of {c.StreamEn}: {e.Lead} leads" + (e.CoHandling.Count > 0 ? $", {EnList(e.CoHandling)} co-handle" : "") + $", by {Time(e.Deadline)}: {e.Action}"),
        ResolutionDispatched e => new($"将{c.StreamZh}第 {e.ItemNumber} 项决议作为新的吹哨派发", $"dispatched the resolution on item {e.ItemNumber} of {c.StreamEn} as a new whistle"),
        ResolutionCorrected e => new($"更正{c.StreamZh}的决议：{e.Correction}（{e.Reason}）", $"corrected a resolution of {c.StreamEn}: {e.Correction} ({e.Reason})"),
        ResolutionActionRecorded e => new($"记录{c.StreamZh}决议的落实情况：{e.Done}", $"recorded what was done on a resolution of {c.StreamEn}: {e.Done}"),
        MinutesPublished => new($"发布{c.StreamZh}纪要", $"published the minutes of {c.StreamEn}"),
        _ => null,
    };
}
