using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>The dispute goes to court (诉讼); Whistle records where, and it ends here.</summary>
[ExampleBody("""{"court": "安澜县人民法院", "reference": "(2026)豫0523民初 1024 号"}""")]
public sealed record ReferFeeDisputeToCourt(string? Court, string? Reference = null, long? ExpectedVersion = null);

public static class ReferFeeDisputeToCourtEndpoint
{
    public static ProblemDetails Validate(ReferFeeDisputeToCourt command, FeeDispute dispute, ClaimsPrincipal user) =>
        FeeDisputeRules.Common(dispute, user, command.ExpectedVersion)
        ?? new FieldErrors().Text("court", command.Court, 100).Text("reference", command.Reference, 100, required: false).ToProblem();

    [EndpointSummary("转诉讼 Refer a fee dispute to court")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/court", OperationId = nameof(ReferFeeDisputeToCourt))]
    [Authorize(Roles = Scope.FeeDisputeHandlers)]
    public static (FeeDisputeAnswer, Events) Post(
        ReferFeeDisputeToCourt command, [WriteAggregate] FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now)
    {
        Events events =
        [
            new FeeDisputeReferredToCourt(dispute.Id, command.Court!.Trim(),
                string.IsNullOrWhiteSpace(command.Reference) ? null : command.Reference.Trim(), Actor.From(user), now),
        ];
        return (FeeDisputeAnswer.After(dispute, events), events);
    }
}
