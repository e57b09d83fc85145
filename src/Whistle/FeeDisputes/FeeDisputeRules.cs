using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Mediation;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>
/// The mediation case the dispute was last referred to, as its write model stands; null when the dispute was never
/// referred. The case, not the dispute, is the source of truth of how mediation ended.
/// </summary>
public sealed record DisputeMediation(MediationCase? Case)
{
    public static async Task<DisputeMediation> LoadAsync(FeeDispute dispute, IDocumentSession session, CancellationToken ct) =>
        new(dispute.Mediation is { } id && await session.Events.FetchLatest<MediationCase>(id, ct) is { } c && c.Id == id ? c : null);
}

/// <summary>The checks every command on a dispute starts with, and the rules several commands share.</summary>
public static class FeeDisputeRules
{
    /// <summary>A reasonable deadline for a formal demand: at least a week, at most three months (Civil Code art. 944).</summary>
    public const int MinDemandDays = 7, MaxDemandDays = 90;

    public static CaseArea AreaOf(FeeDispute dispute) => new(dispute.CommunityCode, dispute.SubDistrictCode);

    public static ProblemDetails NotFound(Guid id) =>
        Problems.NotFound($"物业费纠纷 {id} 不存在。", $"Fee dispute {id} does not exist.");

    /// <summary>A dispute outside the user's scope does not exist for them; one they see but may not handle is forbidden.</summary>
    public static ProblemDetails? Common(FeeDispute dispute, ClaimsPrincipal user, long? expectedVersion)
    {
        var scope = Scope.Of(user);
        if (!scope.Sees(CaseKind.FeeDispute, AreaOf(dispute))) return NotFound(dispute.Id);
        if (!scope.MayHandle(CaseKind.FeeDispute, AreaOf(dispute)))
            return Problems.Forbidden("您不能办理该纠纷。", "You may read this dispute but not handle it.");
        if (Problems.CheckVersion(expectedVersion, dispute.Version) is { } stale) return stale;
        return dispute.IsClosed
            ? Problems.Conflict($"纠纷 {dispute.Number} 已{Label(dispute.Stage)}，不能再办理。", $"The dispute is {dispute.Stage}; nothing more can be done on it.")
            : null;
    }

    /// <summary>
    /// While a payment plan runs the owner pays by its instalments: no other payment, waiver, demand, second plan,
    /// mediation or credit referral. <paramref name="zh"/> and <paramref name="en"/> name what the command would do.
    /// </summary>
    public static ProblemDetails? WhilePlanRuns(FeeDispute dispute, string zh, string en) =>
        dispute.PlanRuns ? NotAllowed(dispute, $"{zh}（分期履行中）", $"{en} while a payment plan runs") : null;

    /// <summary>
    /// The end of the dispute's mediation that the case has recorded and the dispute not yet. The dispute hears of the
    /// end by the case's message (<see cref="MediationOutcomeReached"/>), a moment after the case's command answered; a
    /// command whose rule waits on that end reads the case itself and appends this event first, in its own transaction,
    /// so the next step works as soon as the mediation's answer says it ended. The message then finds the end recorded
    /// and does nothing. The event names who ended the mediation and when, as the case has it (or the command's actor
    /// and time for a case folded before it kept them).
    /// </summary>
    public static Events MediationEndToRecord(FeeDispute dispute, MediationCase? mediation, Actor by, DateTimeOffset now) =>
        dispute is { Mediation: { } id, MediationEnded: false } && mediation is { MediationEnded: true } ended && ended.Id == id
            ? [new FeeDisputeMediationEnded(dispute.Id, id, ResultOf(ended.Status), ended.Ending?.By ?? by, ended.Ending?.At ?? now)]
            : [];

    /// <summary>How an ended mediation ended, as the dispute records it: whatever followed an agreement, it was reached.</summary>
    public static MediationResult ResultOf(MediationStatus status) => status switch
    {
        MediationStatus.NotMediated => MediationResult.NotMediated,
        MediationStatus.Failed => MediationResult.Failed,
        _ => MediationResult.AgreementSigned,
    };

    public static string Label(this FeeDisputeStage stage) => stage switch
    {
        FeeDisputeStage.Open => "待处理",
        FeeDisputeStage.InMediation => "调解中",
        FeeDisputeStage.PlanInProgress => "分期履行中",
        FeeDisputeStage.PlanDefaulted => "分期违约",
        FeeDisputeStage.Settled => "结清",
        FeeDisputeStage.InCourt => "诉至法院",
        _ => stage.ToString(),
    };

    public static ProblemDetails NotAllowed(FeeDispute dispute, string zh, string en) =>
        Problems.Conflict($"纠纷 {dispute.Number} 当前为“{dispute.Stage.Label()}”，不能{zh}。", $"The dispute is {dispute.Stage}; it cannot {en}.");

    public static FieldErrors Money(this FieldErrors errors, string field, decimal? amount, decimal? max = null)
    {
        if (amount is null) return errors.Add(field, "必填。Required.");
        if (amount <= 0 || decimal.Round(amount.Value, 2) != amount) return errors.Add(field, "金额应为正数，至多两位小数。A positive amount with at most two decimals.");
        return max is { } m && amount > m ? errors.Add(field, $"不能超过 {m:0.00}。At most {m:0.00}.") : errors;
    }

    /// <summary>The first moment after a local day: when a payment due that day counts as missed.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), CountyTime.Offset);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(CountyTime.Local(now).DateTime);
}
