using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// Mediation failed (调解不成, Art. 26), or a party ended it (Art. 23): the case ends, and the parties are told they may
/// go to arbitration, an administrative body or the court.
/// </summary>
[ExampleBody("""{"reason": "业主坚持不缴，双方无法达成一致。"}""")]
public sealed record RecordMediationFailure(string? Reason, long? ExpectedVersion = null);

public static class RecordMediationFailureEndpoint
{
    public static ProblemDetails Validate(RecordMediationFailure command, MediationCase mediation)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, mediation.Version) is { } stale) return stale;
        var errors = new FieldErrors().Text("reason", command.Reason, 2000);
        if (errors.Any) return errors.ToProblem();
        return MediationRules.InMediation(mediation, "终止调解", "end as failed") ?? Problems.None;
    }

    [EndpointSummary("登记调解不成 Record a failed mediation")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/fail", OperationId = nameof(RecordMediationFailure))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events, OutgoingMessages) Post(
        RecordMediationFailure command, [WriteAggregate] MediationCase mediation, ClaimsPrincipal user, DateTimeOffset now) =>
        Fail(command, mediation, Actor.From(user), now);

    /// <summary>The decision: the case ends with the notice of other routes, and the fee dispute hears if it referred the case.</summary>
    public static (MediationCaseAnswer, Events, OutgoingMessages) Fail(
        RecordMediationFailure command, MediationCase mediation, Actor by, DateTimeOffset now) =>
        MediationCaseAnswer.With(mediation,
         [new MediationFailed(mediation.Id, command.Reason!.Trim(), MediationRules.FailedNotice, by, now)],
         MediationRules.Outcome(mediation, MediationResult.Failed, by, now));
}
