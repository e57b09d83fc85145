using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>The whistler refuses a department's extension: the reply stays due when it was.</summary>
[ExampleBody("""{"reason": "问题简单，无需延期。"}""")]
public sealed record RefuseExtension(string? Reason, long? ExpectedVersion = null);

public static class RefuseExtensionEndpoint
{
    public static ProblemDetails Validate(RefuseExtension command, Whistle whistle, string department, ClaimsPrincipal user)
    {
        if (WhistleRules.Whistler(whistle, user, command.ExpectedVersion) is { } problem) return problem;
        if (whistle.Find(department) is not { } a) return WhistleRules.AssignmentNotFound(whistle.Id, department);
        var errors = new FieldErrors().Text("reason", command.Reason, 1000);
        if (errors.Any) return errors.ToProblem();
        return a.ProposedReplyDue is null ? Problems.Conflict("没有待批复的延期申请。", "There is no extension request to answer.") : Problems.None;
    }

    [EndpointSummary("不予延期 Refuse an extension")]
    [WolverinePost("/api/whistles/{whistleId}/assignments/{department}/extension/refuse", OperationId = nameof(RefuseExtension))]
    [Authorize(Roles = Scope.WhistlerSide)]
    public static (WhistleAnswer, Events) Post(
        RefuseExtension command, [WriteAggregate] Whistle whistle, string department, ClaimsPrincipal user, DateTimeOffset now)
    {
        Events events = [new ExtensionRefused(whistle.Id, department, command.Reason!.Trim(), Actor.From(user), now,
            WhistleAudiences.Department(department))];
        return (WhistleAnswer.After(whistle, events), events);
    }
}
