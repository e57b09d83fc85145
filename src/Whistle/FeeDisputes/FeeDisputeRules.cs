using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;

namespace Whistle.FeeDisputes;

/// <summary>Who works on fee disputes, their scope, and the checks every command on a dispute starts with.</summary>
public static class FeeDisputeRules
{
    /// <summary>Registered and handled by the hotline clerk, community workers, the mediation centre and administrators.</summary>
    public const string Handlers = Roles.Clerk + "," + Roles.Community + "," + Roles.Mediator + "," + Roles.Admin;

    public const string Readers = Handlers + "," + Roles.SubDistrict + "," + Roles.Office + "," + Roles.Analyst;

    /// <summary>A reasonable deadline for a formal demand: at least a week, at most three months (Civil Code art. 944).</summary>
    public const int MinDemandDays = 7, MaxDemandDays = 90;

    public static bool InScope(ClaimsPrincipal user, string communityCode, string subDistrictCode) =>
        Scope.Of(user).Sees(CaseKind.FeeDispute, new CaseArea(communityCode, subDistrictCode));

    public static ProblemDetails NotFound(Guid id) =>
        Problems.NotFound($"物业费纠纷 {id} 不存在。", $"Fee dispute {id} does not exist.");

    public static ProblemDetails? Common(FeeDispute dispute, ClaimsPrincipal user, long? expectedVersion)
    {
        if (!InScope(user, dispute.CommunityCode, dispute.SubDistrictCode)) return NotFound(dispute.Id);
        if (Problems.CheckVersion(expectedVersion, dispute.Version) is { } stale) return stale;
        return dispute.IsClosed
            ? Problems.Conflict($"纠纷 {dispute.Number} 已{Label(dispute.Stage)}，不能再办理。", $"The dispute is {dispute.Stage}; nothing more can be done on it.")
            : null;
    }

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
