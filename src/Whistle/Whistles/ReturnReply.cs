using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>The whistler is not satisfied with a department's reply and sends it back (退回重办) with the reason.</summary>
[ExampleBody("""{"reason": "答复未说明整改期限，请补充。"}""")]
public sealed record ReturnReply(string? Reason, long? ExpectedVersion = null);

public static class ReturnReplyEndpoint
{
    public static Task<WhistleTiming> LoadAsync(IQuerySession session, CountyReferenceCache reference, CancellationToken ct) =>
        WhistleTiming.LoadAsync(session, reference, ct);

    public static ProblemDetails Validate(ReturnReply command, Whistle whistle, string department, ClaimsPrincipal user)
    {
        if (WhistleRules.Whistler(whistle, user, command.ExpectedVersion) is { } problem) return problem;
        if (whistle.Find(department) is not { } a) return WhistleRules.AssignmentNotFound(whistle.Id, department);
        var errors = new FieldErrors().Text("reason", command.Reason, 1000);
        if (errors.Any) return errors.ToProblem();
        return a.Status == AssignmentStatus.Replied
            ? Problems.None
            : Problems.Conflict($"{department} 尚未反馈，无可退回。", "The department has not replied; there is no reply to send back.");
    }

    [EndpointSummary("退回答复 Return a reply")]
    [WolverinePost("/api/whistles/{whistleId}/assignments/{department}/return", OperationId = nameof(ReturnReply))]
    [Authorize(Roles = Scope.WhistlerSide)]
    public static (WhistleAnswer, Events, OutgoingMessages) Post(
        ReturnReply command, [WriteAggregate] Whistle whistle, string department, WhistleTiming timing,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var renewed = timing.Renew(whistle.Type, now);
        var messages = new OutgoingMessages();
        messages.AddRange(WhistleRules.Schedule(whistle.Id, department, renewed, DeadlineKind.Reply));
        Events events = [new ReplyReturned(whistle.Id, department, command.Reason!.Trim(), renewed, Actor.From(user), now,
            WhistleAudiences.Department(department))];
        return (WhistleAnswer.After(whistle, events), events, messages);
    }
}
