using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

/// <summary>
/// Names the case's mediator (Art. 19): chosen by the parties, or appointed by the committee. The mediator is a user
/// of the centre (their <c>sub</c>); the case then shows on their docket.
/// </summary>
[ExampleBody("""{"mediatorId": "mediator", "mediatorName": "吴调解", "how": "Appointed"}""")]
public sealed record AssignMediator(
    string? MediatorId, string? MediatorName, MediatorSelection? How, long? ExpectedVersion = null);

public static class AssignMediatorEndpoint
{
    public static ProblemDetails Validate(AssignMediator command, MediationCase mediation)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, mediation.Version) is { } stale) return stale;
        var errors = new FieldErrors()
            .Text("mediatorId", command.MediatorId, 64)
            .Text("mediatorName", command.MediatorName, 50)
            .Defined("how", command.How);
        if (errors.Any) return errors.ToProblem();
        return mediation.MediationEnded ? MediationRules.NotAllowed(mediation, "再指定调解员", "have a mediator assigned") : Problems.None;
    }

    [EndpointSummary("指派调解员 Assign a mediator")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/mediator", OperationId = nameof(AssignMediator))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static (MediationCaseAnswer, Events) Post(
        AssignMediator command, [WriteAggregate] MediationCase mediation, ClaimsPrincipal user, DateTimeOffset now) =>
        Assign(command, mediation, Actor.From(user), now);

    /// <summary>The decision: the mediator named; the same mediator named the same way again appends nothing.</summary>
    public static (MediationCaseAnswer, Events) Assign(AssignMediator command, MediationCase mediation, Actor by, DateTimeOffset now)
    {
        var id = command.MediatorId!.Trim();
        return MediationCaseAnswer.With(mediation, mediation.MediatorId == id && mediation.MediatorSelection == command.How
            ? []
            : [new MediatorAssigned(mediation.Id, id, command.MediatorName!.Trim(), command.How!.Value, by, now)]);
    }
}
