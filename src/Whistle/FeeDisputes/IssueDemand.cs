using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Hosting;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>Issues a formal demand (催告) to pay by a reasonable deadline: 7 to 90 days from today.</summary>
public sealed record IssueDemand(decimal? Amount, DateOnly? PayBy, long? ExpectedVersion = null);

public static class IssueDemandEndpoint
{
    public static ProblemDetails Validate(IssueDemand command, FeeDispute dispute, ClaimsPrincipal user, TimeProvider clock) =>
        Check(command, dispute, user, clock.GetUtcNow());

    public static ProblemDetails Check(IssueDemand command, FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now)
    {
        if (FeeDisputeRules.Common(dispute, user, command.ExpectedVersion) is { } problem) return problem;
        var today = FeeDisputeRules.Today(now);
        var errors = new FieldErrors()
            .Money("amount", command.Amount, dispute.Outstanding)
            .When(command.PayBy is null, "payBy", "必填。Required.")
            .When(command.PayBy is { } by && (by.DayNumber - today.DayNumber < FeeDisputeRules.MinDemandDays
                    || by.DayNumber - today.DayNumber > FeeDisputeRules.MaxDemandDays), "payBy",
                $"催告期限应为 {FeeDisputeRules.MinDemandDays} 到 {FeeDisputeRules.MaxDemandDays} 天。A reasonable deadline: {FeeDisputeRules.MinDemandDays} to {FeeDisputeRules.MaxDemandDays} days from today.");
        if (errors.Any) return errors.ToProblem();
        return dispute.Stage == FeeDisputeStage.PlanInProgress
            ? FeeDisputeRules.NotAllowed(dispute, "催告（分期履行中）", "be demanded while a payment plan runs")
            : Problems.None;
    }

    [WolverinePost("/api/fee-disputes/{feeDisputeId}/demand", OperationId = nameof(IssueDemand))]
    [Authorize(Roles = FeeDisputeRules.Handlers)]
    public static (UpdatedAggregate, Events) Post(
        IssueDemand command, [WriteAggregate] FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now) =>
        (new UpdatedAggregate(), [new DemandIssued(dispute.Id, command.Amount!.Value, command.PayBy!.Value, Actor.From(user), now)]);
}
