using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>
/// Records a formal demand (催告) to pay by a reasonable deadline: 7 to 90 days after it is issued — today, or
/// <c>issuedOn</c> for a demand the company already sent (within the last year).
/// </summary>
[ExampleBody("""{"amount": 3600, "issuedOn": "2026-02-04", "payBy": "2026-03-06"}""")]
public sealed record IssueDemand(decimal? Amount, DateOnly? PayBy, DateOnly? IssuedOn = null, long? ExpectedVersion = null);

public static class IssueDemandEndpoint
{
    public static ProblemDetails Validate(IssueDemand command, FeeDispute dispute, ClaimsPrincipal user, TimeProvider clock) =>
        Check(command, dispute, user, clock.GetUtcNow());

    public static ProblemDetails Check(IssueDemand command, FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now)
    {
        if (FeeDisputeRules.Common(dispute, user, command.ExpectedVersion) is { } problem) return problem;
        var today = FeeDisputeRules.Today(now);
        var issued = command.IssuedOn ?? today;
        var errors = new FieldErrors()
            .Money("amount", command.Amount, dispute.Outstanding)
            .When(issued > today || issued < today.AddYears(-1), "issuedOn",
                "催告日期应在过去一年内，不晚于今天。Within the last year, and not after today.")
            .When(command.PayBy is null, "payBy", "必填。Required.")
            .When(command.PayBy is { } by && (by.DayNumber - issued.DayNumber < FeeDisputeRules.MinDemandDays
                    || by.DayNumber - issued.DayNumber > FeeDisputeRules.MaxDemandDays), "payBy",
                $"催告期限应为发出后 {FeeDisputeRules.MinDemandDays} 到 {FeeDisputeRules.MaxDemandDays} 天。A reasonable deadline: {FeeDisputeRules.MinDemandDays} to {FeeDisputeRules.MaxDemandDays} days after the demand is issued.");
        if (errors.Any) return errors.ToProblem();
        return FeeDisputeRules.WhilePlanRuns(dispute, "催告", "be demanded") ?? Problems.None;
    }

    [EndpointSummary("发出催缴 Issue a demand")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/demand", OperationId = nameof(IssueDemand))]
    [Authorize(Roles = Scope.FeeDisputeHandlers)]
    public static (FeeDisputeAnswer, Events) Post(
        IssueDemand command, [WriteAggregate] FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now)
    {
        Events events =
            [new DemandIssued(dispute.Id, command.Amount!.Value, command.PayBy!.Value, Actor.From(user), now, command.IssuedOn ?? FeeDisputeRules.Today(now))];
        return (FeeDisputeAnswer.After(dispute, events), events);
    }
}
