using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>Waives part of the amount (减免), e.g. for a vacant period or a proven service defect, with the reason.</summary>
[ExampleBody("""{"amount": 400, "reason": "电梯停运三个月，按调解协议减免"}""")]
public sealed record GrantWaiver(decimal? Amount, string? Reason, long? ExpectedVersion = null);

public static class GrantWaiverEndpoint
{
    public static ProblemDetails Validate(GrantWaiver command, FeeDispute dispute, ClaimsPrincipal user)
    {
        if (FeeDisputeRules.Common(dispute, user, command.ExpectedVersion) is { } problem) return problem;
        var errors = new FieldErrors()
            .Money("amount", command.Amount, dispute.Outstanding)
            .When(command.Amount == dispute.Outstanding, "amount", "部分减免须小于欠费总额。A partial waiver is less than all that is owed.")
            .Text("reason", command.Reason, 500);
        if (errors.Any) return errors.ToProblem();
        return FeeDisputeRules.WhilePlanRuns(dispute, "减免", "be reduced") ?? Problems.None;
    }

    [EndpointSummary("减免物业费 Grant a waiver")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/waiver", OperationId = nameof(GrantWaiver))]
    [Authorize(Roles = Scope.FeeDisputeHandlers)]
    public static (FeeDisputeAnswer, Events) Post(
        GrantWaiver command, [WriteAggregate] FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now)
    {
        Events events =
            [new WaiverGranted(dispute.Id, command.Amount!.Value, command.Reason!.Trim(), dispute.Outstanding - command.Amount.Value, Actor.From(user), now)];
        return (FeeDisputeAnswer.After(dispute, events), events);
    }
}
