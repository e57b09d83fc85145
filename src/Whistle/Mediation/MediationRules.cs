using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine;

namespace Whistle.Mediation;

/// <summary>The checks every mediation command shares, and the notices the law requires. Who may act is <see cref="Scope"/>'s.</summary>
public static class MediationRules
{
    /// <summary>Art. 17: one party clearly refused, so there is no mediation; the other routes stay open.</summary>
    public const string NotMediatedNotice =
        "当事人一方明确拒绝调解，依照《人民调解法》第十七条不予调解。当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。"
        + " A party clearly refused mediation, so the dispute is not mediated (People's Mediation Law, Art. 17). The parties may"
        + " protect their rights through arbitration, administrative or judicial routes.";

    /// <summary>Art. 26: mediation failed and ends; the parties are told of arbitration, administrative and court routes.</summary>
    public const string FailedNotice =
        "调解不成，依照《人民调解法》第二十六条终止调解。当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。"
        + " Mediation failed and has ended (People's Mediation Law, Art. 26). The parties may protect their rights through"
        + " arbitration, administrative or judicial routes.";

    /// <summary>A judicially confirmed agreement is enforceable (Art. 33): a breach goes to the court for enforcement.</summary>
    public const string EnforcementNotice =
        "调解协议已经司法确认，一方拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行（《人民调解法》第三十三条）。"
        + " The agreement was judicially confirmed: the other party may apply to the court for enforcement (Art. 33).";

    /// <summary>Without confirmation a dispute over performance goes to court as a suit (Art. 32).</summary>
    public const string LawsuitNotice =
        "调解协议未经司法确认，当事人之间就调解协议的履行发生争议的，一方当事人可以向人民法院提起诉讼（《人民调解法》第三十二条）。"
        + " The agreement was not judicially confirmed: a party may sue in court over its performance (Art. 32).";

    public static string Label(this MediationStatus status) => status switch
    {
        MediationStatus.AwaitingConsent => "待当事人同意",
        MediationStatus.Consented => "双方同意待受理",
        MediationStatus.Accepted => "调解中",
        MediationStatus.NotMediated => "不予调解",
        MediationStatus.Failed => "调解不成",
        MediationStatus.AgreementSigned => "已达成协议待履行",
        MediationStatus.Performed => "协议已履行",
        MediationStatus.Breached => "协议未履行",
        MediationStatus.AgreementInvalid => "协议经确认无效",
        _ => status.ToString(),
    };

    public static string Label(this PartySide side) => side == PartySide.Applicant ? "申请人" : "被申请人";

    public static ProblemDetails NotFound(Guid id) =>
        Problems.NotFound($"调解案件 {id} 不存在。", $"Mediation case {id} does not exist.");

    /// <summary>409 naming the case's status, for a command its status does not allow.</summary>
    public static ProblemDetails NotAllowed(MediationCase mediation, string actionZh, string actionEn) =>
        Problems.Conflict(
            $"调解案件 {mediation.Number} 当前为“{mediation.Status.Label()}”，不能{actionZh}。",
            $"Mediation case {mediation.Number} is {mediation.Status}; it cannot {actionEn}.");

    /// <summary>
    /// Sessions, agreements and failures need a case in mediation: both parties consented (Art. 17) and the centre
    /// accepted it.
    /// </summary>
    public static ProblemDetails? InMediation(MediationCase mediation, string actionZh, string actionEn)
    {
        if (mediation.MediationEnded) return NotAllowed(mediation, actionZh, actionEn);
        if (!mediation.BothConsented)
            return Problems.Conflict(
                $"调解案件 {mediation.Number} 尚未取得双方当事人同意，不能{actionZh}。",
                $"Mediation case {mediation.Number} lacks both parties' consent; it cannot {actionEn}.");
        return mediation.Status == MediationStatus.Accepted
            ? null
            : Problems.Conflict(
                $"调解案件 {mediation.Number} 尚未受理，不能{actionZh}。",
                $"Mediation case {mediation.Number} has not been accepted; it cannot {actionEn}.");
    }

    /// <summary>The message the fee-dispute side waits for when a case it referred reaches its result.</summary>
    public static OutgoingMessages Outcome(MediationCase mediation, MediationResult result, Actor by, DateTimeOffset now) =>
        mediation is { Source: ReferralSource.FeeDispute, SourceCaseId: { } disputeId }
            ? [new MediationOutcomeReached(mediation.Id, mediation.Number, result, disputeId, by, now)]
            : [];

    /// <summary>A date as the county reads it: 2026-12-27.</summary>
    public static string Show(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
