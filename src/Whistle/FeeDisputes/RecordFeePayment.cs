using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>Records a payment against the amount outstanding; paid in full, the dispute is settled.</summary>
[ExampleBody("""{"amount": 1200}""")]
public sealed record RecordFeePayment(decimal? Amount, long? ExpectedVersion = null);

public static class RecordFeePaymentEndpoint
{
    public static ProblemDetails Validate(RecordFeePayment command, FeeDispute dispute, ClaimsPrincipal user)
    {
        if (FeeDisputeRules.Common(dispute, user, command.ExpectedVersion) is { } problem) return problem;
        var errors = new FieldErrors().Money("amount", command.Amount, dispute.Outstanding);
        if (errors.Any) return errors.ToProblem();
        return FeeDisputeRules.WhilePlanRuns(dispute, "另行付款，请按分期缴纳", "take a payment outside its instalments") ?? Problems.None;
    }

    [EndpointSummary("登记缴费 Record a fee payment")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/payments", OperationId = nameof(RecordFeePayment))]
    [Authorize(Roles = Scope.FeeDisputeHandlers)]
    public static (FeeDisputeAnswer, Events) Post(
        RecordFeePayment command, [WriteAggregate] FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now)
    {
        Events events = [new FeePaid(dispute.Id, command.Amount!.Value, dispute.Outstanding - command.Amount.Value, Actor.From(user), now)];
        return (FeeDisputeAnswer.After(dispute, events), events);
    }
}
