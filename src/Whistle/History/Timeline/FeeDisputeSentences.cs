using Whistle.FeeDisputes;
using static Whistle.History.Timeline.Sentences;

namespace Whistle.History.Timeline;

/// <summary>The phrases of a fee dispute stream's events. Pure: the owner's name and phone are masked unless the reader sees personal data.</summary>
public static class FeeDisputeSentences
{
    public static Phrase? Of(object data, SentenceContext c) => data switch
    {
        FeeDisputeRaised e => new(
            $"登记{c.StreamZh}（{(e.RaisedBy == DisputeRaiser.Company ? "物业企业追缴" : "业主投诉收费")}；{e.CompoundName ?? e.CompoundCode} {e.Unit}；业主 {Name(e.OwnerName, c)}，电话 {Phone(e.OwnerPhone, c)}；欠费 {Money(e.AmountOwed)} 元）",
            $"raised {c.StreamEn} ({(e.RaisedBy == DisputeRaiser.Company ? "the company claims fees" : "the owner contests fees")}; {e.CompoundName ?? e.CompoundCode} {e.Unit}; owner {Name(e.OwnerName, c)}, phone {Phone(e.OwnerPhone, c)}; owed {Money(e.AmountOwed)} yuan)"),
        OwnerReasonsRecorded e => new(
            $"记录{c.StreamZh}中业主的理由：{ZhList(e.Reasons.Select(Reason))}" + (e.DefectComplaints.Count > 0 ? $"（引用投诉 {e.DefectComplaints.Count} 件）" : ""),
            $"recorded the owner's reasons on {c.StreamEn}: {EnList(e.Reasons.Select(r => Words(r)))}" + (e.DefectComplaints.Count > 0 ? $" (citing {e.DefectComplaints.Count} complaint(s))" : "")),
        DemandIssued e => new($"就{c.StreamZh}发出催告：{Money(e.Amount)} 元，于 {Day(e.PayBy)} 前缴纳", $"issued a demand on {c.StreamEn}: {Money(e.Amount)} yuan by {Day(e.PayBy)}"),
        FeePaid e => new($"记录{c.StreamZh}缴费 {Money(e.Amount)} 元，尚欠 {Money(e.Outstanding)} 元", $"recorded a payment of {Money(e.Amount)} yuan on {c.StreamEn}, {Money(e.Outstanding)} outstanding"),
        WaiverGranted e => new($"就{c.StreamZh}减免 {Money(e.Waived)} 元，尚欠 {Money(e.Outstanding)} 元：{e.Reason}", $"waived {Money(e.Waived)} yuan on {c.StreamEn}, {Money(e.Outstanding)} outstanding: {e.Reason}"),
        PaymentPlanAgreed e => new($"就{c.StreamZh}达成第 {e.Plan} 个分期方案：{Money(e.SettledAmount)} 元分 {e.Instalments.Count} 期",
            $"agreed payment plan {e.Plan} on {c.StreamEn}: {Money(e.SettledAmount)} yuan in {e.Instalments.Count} instalments"),
        InstalmentPaid e => new($"记录{c.StreamZh}第 {e.Plan} 个方案第 {e.Number} 期缴费 {Money(e.Amount)} 元", $"recorded instalment {e.Number} of plan {e.Plan} on {c.StreamEn}: {Money(e.Amount)} yuan"),
        InstalmentMissed e => new($"记录{c.StreamZh}第 {e.Plan} 个方案第 {e.Number} 期逾期未缴（应于 {Day(e.DueOn)} 缴纳，宽限至 {Day(e.GraceEndsOn)}）",
            $"recorded instalment {e.Number} of plan {e.Plan} on {c.StreamEn} unpaid (due {Day(e.DueOn)}, grace until {Day(e.GraceEndsOn)})"),
        PaymentPlanDefaulted e => new($"记录{c.StreamZh}第 {e.Plan} 个分期方案违约（第 {e.Number} 期）", $"recorded plan {e.Plan} on {c.StreamEn} defaulted (instalment {e.Number})"),
        PaymentPlanCompleted e => new($"记录{c.StreamZh}第 {e.Plan} 个分期方案缴清", $"recorded plan {e.Plan} on {c.StreamEn} completed"),
        FeeDisputeReferredToMediation e => new($"将{c.StreamZh}转调解（调解案件 {e.MediationNumber}）", $"referred {c.StreamEn} to mediation (mediation case {e.MediationNumber})"),
        FeeDisputeMediationEnded e => new($"记录{c.StreamZh}的调解结束：{MediationSentences.Result(e.Result)}", $"recorded that mediation of {c.StreamEn} ended: {Words(e.Result)}"),
        CreditReferralMade e => new($"将{c.StreamZh}的业主拒缴纳入征信：{e.Basis}", $"referred the owner of {c.StreamEn} to the credit record: {e.Basis}"),
        CreditReferralWithdrawn e => new($"撤回{c.StreamZh}的征信记录：{e.Reason}", $"withdrew the credit referral of {c.StreamEn}: {e.Reason}"),
        FeeDisputeReferredToCourt e => new($"将{c.StreamZh}移送 {e.Court}" + (e.Reference is null ? "" : $"（{e.Reference}）"),
            $"referred {c.StreamEn} to {e.Court}" + (e.Reference is null ? "" : $" ({e.Reference})")),
        DefectComplaintResolved e => new($"记录{c.StreamZh}引用的投诉 {e.ComplaintNumber} 已办结", $"recorded that complaint {e.ComplaintNumber}, cited by {c.StreamEn}, was resolved"),
        _ => null,
    };

    private static string Reason(OwnerReason reason) => reason switch
    {
        OwnerReason.ServiceDefect => "服务不到位",
        OwnerReason.Vacancy => "房屋空置",
        OwnerReason.Price => "收费标准",
        OwnerReason.Hardship => "经济困难",
        _ => reason.ToString(),
    };
}
