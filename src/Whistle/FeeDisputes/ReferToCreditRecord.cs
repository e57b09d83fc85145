using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>
/// Enters the owner's refusal to pay into the credit record (征信) — allowed only after a failed mediation and a formal
/// demand whose deadline has passed; withdrawn by itself when a later payment plan is fulfilled. Whether mediation
/// failed is read from the mediation case itself, so the referral works as soon as the case's failure is answered (the
/// dispute records the end first, in the same transaction).
/// </summary>
[ExampleBody("""{"basis": "拒不缴费"}""")]
public sealed record ReferToCreditRecord(string? Basis, long? ExpectedVersion = null);

public static class ReferToCreditRecordEndpoint
{
    public static Task<DisputeMediation> LoadAsync(FeeDispute dispute, IDocumentSession session, CancellationToken ct) =>
        DisputeMediation.LoadAsync(dispute, session, ct);

    public static ProblemDetails Validate(
        ReferToCreditRecord command, FeeDispute dispute, DisputeMediation mediation, ClaimsPrincipal user, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return Check(command, dispute.After(FeeDisputeRules.MediationEndToRecord(dispute, mediation.Case, Actor.From(user), now)), user, now);
    }

    public static ProblemDetails Check(ReferToCreditRecord command, FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now)
    {
        if (FeeDisputeRules.Common(dispute, user, command.ExpectedVersion) is { } problem) return problem;
        var errors = new FieldErrors().Text("basis", command.Basis, 1000);
        if (errors.Any) return errors.ToProblem();
        if (dispute.CreditReferred) return Problems.Conflict("已报送征信。", "The refusal is already in the credit record.");
        if (FeeDisputeRules.WhilePlanRuns(dispute, "报送征信", "go to the credit record") is { } paying) return paying;
        if (dispute.Stage == FeeDisputeStage.InMediation)
            return FeeDisputeRules.NotAllowed(dispute, "报送征信（调解中）", "go to the credit record while mediation runs");
        var missing = new List<(string Zh, string En)>();
        if (!dispute.MediationFailed) missing.Add(("尚无调解不成的记录", "no failed mediation"));
        if (dispute.DemandPayBy is not { } payBy) missing.Add(("尚未催告", "no formal demand"));
        else if (FeeDisputeRules.Today(now) <= payBy)
            missing.Add(($"催告期限 {payBy:yyyy-MM-dd} 尚未届满", $"the demand's deadline {payBy:yyyy-MM-dd} has not passed"));
        return missing.Count == 0
            ? Problems.None
            : Problems.Conflict($"不能报送征信：{string.Join("；", missing.Select(m => m.Zh))}。",
                $"Not yet a case for the credit record: {string.Join("; ", missing.Select(m => m.En))}.");
    }

    [EndpointSummary("记入信用档案 Refer to the credit record")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/credit-referral", OperationId = nameof(ReferToCreditRecord))]
    [Authorize(Roles = Scope.FeeDisputeHandlers)]
    public static (FeeDisputeAnswer, Events) Post(
        ReferToCreditRecord command,
        // Locked, not checked optimistically: the mediation's outcome message may be recording the end on the dispute
        // at this very moment; the two wait for each other instead of the referral answering 409.
        [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] FeeDispute dispute,
        DisputeMediation mediation, ClaimsPrincipal user, DateTimeOffset now)
    {
        var by = Actor.From(user);
        var ended = FeeDisputeRules.MediationEndToRecord(dispute, mediation.Case, by, now);
        var (answer, events) = Refer(command, dispute.After(ended), by, now);
        return (answer, [.. ended, .. events]);
    }

    /// <summary>The decision, on the dispute as its mediation left it: the referral, answered with the dispute after it.</summary>
    public static (FeeDisputeAnswer, Events) Refer(ReferToCreditRecord command, FeeDispute dispute, Actor by, DateTimeOffset now)
    {
        Events events = [new CreditReferralMade(dispute.Id, command.Basis!.Trim(), by, now)];
        return (FeeDisputeAnswer.After(dispute, events), events);
    }
}
