using Whistle.Mediation;
using static Whistle.History.Timeline.Sentences;

namespace Whistle.History.Timeline;

/// <summary>The phrases of a mediation case stream's events. Pure: parties' names and phones are masked (organisations stay in clear) unless the reader sees personal data.</summary>
public static class MediationSentences
{
    public static Phrase? Of(object data, SentenceContext c) => data switch
    {
        MediationCaseOpened e => new(
            $"登记{c.StreamZh}（{Source(e.Source)}" + (e.SourceNumber is null ? "" : $" {e.SourceNumber}") + $"；当事人：{ZhList(e.Parties.Select(p => Party(p, c)))}；事项：{e.Matter}）",
            $"opened {c.StreamEn} ({Words(e.Source)}" + (e.SourceNumber is null ? "" : $" {e.SourceNumber}") + $"; parties: {EnList(e.Parties.Select(p => Party(p, c)))}; matter: {e.Matter})"),
        ConsentGiven e => new($"记录{c.StreamZh}的{Side(e.Side)}同意调解", $"recorded the {Words(e.Side)}'s consent to mediate {c.StreamEn}"),
        ConsentRefused e => new($"记录{c.StreamZh}的{Side(e.Side)}拒绝调解" + (e.Reason is null ? "" : $"：{e.Reason}"),
            $"recorded the {Words(e.Side)}'s refusal to mediate {c.StreamEn}" + (e.Reason is null ? "" : $": {e.Reason}")),
        MediationCaseAccepted e => new($"受理{c.StreamZh}，调解期限至 {Day(e.LimitLastDay)}", $"accepted {c.StreamEn}, to settle by {Day(e.LimitLastDay)}"),
        MediationExtended e => new($"经双方同意将{c.StreamZh}的期限由 {Day(e.PreviousLastDay)} 延至 {Day(e.LimitLastDay)}",
            $"extended {c.StreamEn} with both parties' consent from {Day(e.PreviousLastDay)} to {Day(e.LimitLastDay)}"),
        MediationOverdue e => new($"记录{c.StreamZh}超过调解期限（{Day(e.LimitLastDay)}）", $"recorded {c.StreamEn} past its limit of {Day(e.LimitLastDay)}"),
        MediatorAssigned e => new($"为{c.StreamZh}{(e.How == MediatorSelection.ChosenByParties ? "由当事人选定" : "指定")}调解员 {e.MediatorName}",
            $"assigned mediator {e.MediatorName} to {c.StreamEn} ({Words(e.How)})"),
        MediationSessionHeld e => new($"于 {Time(e.HeldAt)} 就{c.StreamZh}举行调解会（{e.Participants.Count} 人参加" + (e.BatchId is null ? "" : "，批量调解") + "）",
            $"held a mediation session on {c.StreamEn} at {Time(e.HeldAt)} ({e.Participants.Count} present" + (e.BatchId is null ? "" : ", batch") + ")"),
        AgreementSigned e => new($"就{c.StreamZh}签订调解协议（履行期限 {Day(e.PerformanceDeadline)}，司法确认申请截止 {Day(e.ConfirmationLastDay)}）",
            $"signed a mediation agreement on {c.StreamEn} (to be performed by {Day(e.PerformanceDeadline)}; judicial confirmation until {Day(e.ConfirmationLastDay)})"),
        MediationFailed e => new($"记录{c.StreamZh}调解不成：{e.Reason}", $"recorded that mediation of {c.StreamEn} failed: {e.Reason}"),
        JudicialConfirmationReminderSent e => new($"提醒{c.StreamZh}的当事人于 {Day(e.ConfirmationLastDay)} 前申请司法确认",
            $"reminded the parties of {c.StreamEn} to apply for judicial confirmation by {Day(e.ConfirmationLastDay)}"),
        JudicialConfirmationWindowClosed e => new($"记录{c.StreamZh}的司法确认申请期届满（{(e.Applied ? "已申请" : "未申请")}）",
            $"recorded the judicial-confirmation window of {c.StreamEn} closed ({(e.Applied ? "applied" : "not applied")})"),
        JudicialConfirmationApplied e => new($"就{c.StreamZh}向 {e.Court} 申请司法确认", $"applied to {e.Court} for judicial confirmation of {c.StreamEn}"),
        JudicialConfirmationAccepted e => new($"记录法院受理{c.StreamZh}的司法确认申请" + (e.CourtCaseNumber is null ? "" : $"（{e.CourtCaseNumber}）") + $"，应于 {Day(e.RulingDueOn)} 前裁定",
            $"recorded the court's acceptance of {c.StreamEn}'s application" + (e.CourtCaseNumber is null ? "" : $" ({e.CourtCaseNumber})") + $", ruling due {Day(e.RulingDueOn)}"),
        JudicialConfirmationRuled e => new($"记录法院裁定{c.StreamZh}的调解协议{(e.Ruling == JudicialRuling.Confirmed ? "有效" : "无效")}",
            $"recorded the court's ruling on {c.StreamEn}'s agreement: {Words(e.Ruling)}"),
        PerformanceFollowedUp e => new($"回访{c.StreamZh}的协议履行：{(e.Result == PerformanceResult.Performed ? "已履行" : "未按约定履行")}",
            $"followed up performance of {c.StreamEn}: {Words(e.Result)}"),
        CourtEnforcementReferred e => new($"告知{c.StreamZh}的当事人向法院{(e.JudiciallyConfirmed ? "申请强制执行" : "起诉")}",
            $"referred the parties of {c.StreamEn} to the court ({(e.JudiciallyConfirmed ? "enforcement" : "a suit over performance")})"),
        _ => null,
    };

    public static string Result(MediationResult result) => result switch
    {
        MediationResult.NotMediated => "未调解",
        MediationResult.Failed => "调解不成",
        MediationResult.AgreementSigned => "达成调解协议",
        _ => result.ToString(),
    };

    private static string Party(MediationParty party, SentenceContext c) =>
        party.IsOrganisation ? party.Name : Name(party.Name, c) + (party.Phone is null ? "" : " " + Phone(party.Phone, c));

    private static string Side(PartySide side) => side == PartySide.Applicant ? "申请人" : "被申请人";

    private static string Source(ReferralSource source) => source switch
    {
        ReferralSource.Party => "当事人申请",
        ReferralSource.Court => "法院委派",
        ReferralSource.Police => "公安转交",
        ReferralSource.Hotline => "12345 热线转办",
        ReferralSource.Complaint => "投诉转调解",
        ReferralSource.FeeDispute => "物业费纠纷转调解",
        _ => source.ToString(),
    };
}
