using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>A department signs for its assignment (签收): it has seen the whistle and takes it on.</summary>
[ExampleBody("""{"expectedVersion": 1}""")]
public sealed record SignForAssignment(long? ExpectedVersion = null);

public static class SignForAssignmentEndpoint
{
    public static ProblemDetails Validate(SignForAssignment command, Whistle whistle, string department, ClaimsPrincipal user) =>
        WhistleRules.OwnAssignment(whistle, department, user, command.ExpectedVersion)
        ?? (whistle.Find(department)!.Status is AssignmentStatus.Rejected
            ? Problems.Conflict("已退单，等待联席办审定，不能签收。", "The assignment was rejected and awaits the office's ruling.")
            : Problems.None);

    /// <summary>Signing for again, or after replying, changes nothing: the first signature stands.</summary>
    [EndpointSummary("签收派单 Sign for an assignment")]
    [WolverinePost("/api/whistles/{whistleId}/assignments/{department}/sign-for", OperationId = nameof(SignForAssignment))]
    [Authorize(Roles = Roles.Department)]
    public static (WhistleAnswer, Events) Post(
        SignForAssignment command, [WriteAggregate] Whistle whistle, string department, ClaimsPrincipal user, DateTimeOffset now)
    {
        Events events = whistle.Find(department)!.Status == AssignmentStatus.Awaiting
            ? [new AssignmentSignedFor(whistle.Id, department, Actor.From(user), now)]
            : [];
        return (WhistleAnswer.After(whistle, events), events);
    }
}
