using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>A department asks for more time (延期) before its reply is due; the whistler grants or refuses it.</summary>
[ExampleBody("""{"replyDue": "2026-03-20T17:30:00+08:00", "reason": "需等待检测机构出具报告。"}""")]
public sealed record RequestExtension(DateTimeOffset? ReplyDue, string? Reason, long? ExpectedVersion = null);

public static class RequestExtensionEndpoint
{
    // The clock is read here and the rules below take the time as an argument, so they stay pure.
    public static ProblemDetails Validate(
        RequestExtension command, Whistle whistle, string department, ClaimsPrincipal user, TimeProvider clock) =>
        Check(command, whistle, department, user, clock.GetUtcNow());

    public static ProblemDetails Check(
        RequestExtension command, Whistle whistle, string department, ClaimsPrincipal user, DateTimeOffset now)
    {
        if (WhistleRules.OwnAssignment(whistle, department, user, command.ExpectedVersion) is { } problem) return problem;
        var assignment = whistle.Find(department)!;
        var errors = new FieldErrors()
            .Text("reason", command.Reason, 1000)
            .When(command.ReplyDue is null, "replyDue", "必填：希望延至何时。Required: the reply due time asked for.")
            .When(command.ReplyDue <= assignment.ReplyDue, "replyDue",
                "延期后的时限须晚于当前时限。The new due time must be later than the current one.");
        if (errors.Any) return errors.ToProblem();
        if (assignment.Status is not (AssignmentStatus.Awaiting or AssignmentStatus.SignedFor))
            return Problems.Conflict($"任务当前为“{assignment.Status.Label()}”，不能申请延期。", $"The assignment is {assignment.Status}; no extension applies.");
        if (now >= assignment.ReplyDue)
            return Problems.Conflict(
                $"反馈时限 {CountyTime.Local(assignment.ReplyDue):yyyy-MM-dd HH:mm} 已过，延期须在到期前申请。",
                $"The reply was due at {assignment.ReplyDue:O}; an extension must be asked before the due time.");
        return assignment.ProposedReplyDue is null
            ? Problems.None
            : Problems.Conflict("已有待批复的延期申请。", "An extension request is already waiting for an answer.");
    }

    [EndpointSummary("申请延期 Request an extension")]
    [WolverinePost("/api/whistles/{whistleId}/assignments/{department}/extension-request", OperationId = nameof(RequestExtension))]
    [Authorize(Roles = Roles.Department)]
    public static (WhistleAnswer, Events) Post(
        RequestExtension command, [WriteAggregate] Whistle whistle, string department, ClaimsPrincipal user, DateTimeOffset now)
    {
        Events events = [new ExtensionRequested(whistle.Id, department, command.ReplyDue!.Value, command.Reason!.Trim(), Actor.From(user), now,
            WhistleAudiences.ExtensionRequested(whistle))];
        return (WhistleAnswer.After(whistle, events), events);
    }
}
