using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>
/// Records an instalment paid. The last one completes the plan and settles the dispute — and withdraws a credit
/// referral made earlier, since the owner has now paid under a plan.
/// </summary>
[ExampleBody("""{"amount": 1000}""")]
public sealed record PayInstalment(decimal? Amount, long? ExpectedVersion = null);

public static class PayInstalmentEndpoint
{
    public static ProblemDetails Validate(PayInstalment command, FeeDispute dispute, int number, ClaimsPrincipal user)
    {
        if (FeeDisputeRules.Common(dispute, user, command.ExpectedVersion) is { } problem) return problem;
        if (!dispute.PlanRuns) return FeeDisputeRules.NotAllowed(dispute, "缴纳分期", "take an instalment");
        if (dispute.Instalments.FirstOrDefault(i => i.Number == number) is not { } instalment)
            return Problems.NotFound($"没有第 {number} 期。", $"There is no instalment {number}.");
        if (dispute.PaidInstalments.Contains(number))
            return Problems.Conflict($"第 {number} 期已缴。", $"Instalment {number} is already paid.");
        return new FieldErrors()
            .Money("amount", command.Amount)
            .When(command.Amount is { } paid && paid != instalment.Amount, "amount",
                $"第 {number} 期应缴 {instalment.Amount:0.00}。Instalment {number} is {instalment.Amount:0.00}.")
            .ToProblem();
    }

    [EndpointSummary("缴纳一期分期款 Pay an instalment")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/instalments/{number}/pay", OperationId = nameof(PayInstalment))]
    [Authorize(Roles = Scope.FeeDisputeHandlers)]
    public static (FeeDisputeAnswer, Events) Post(
        PayInstalment command, [WriteAggregate] FeeDispute dispute, int number, ClaimsPrincipal user, DateTimeOffset now)
    {
        var events = Pay(dispute, number, command.Amount!.Value, Actor.From(user), now);
        return (FeeDisputeAnswer.After(dispute, events), events);
    }

    public static Events Pay(FeeDispute dispute, int number, decimal amount, Actor by, DateTimeOffset now)
    {
        var events = new Events { new InstalmentPaid(dispute.Id, dispute.Plan, number, amount, by, now) };
        if (dispute.PaidInstalments.Count + 1 < dispute.Instalments.Count) return events;
        events.Add(new PaymentPlanCompleted(dispute.Id, dispute.Plan, now, by));
        if (dispute.CreditReferred)
            events.Add(new CreditReferralWithdrawn(dispute.Id, "分期已履行完毕 The payment plan was fulfilled", by, now));
        return events;
    }
}
