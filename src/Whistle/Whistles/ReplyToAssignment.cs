using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>A department reports back (反馈): what it did, with references to its evidence (photos, documents).</summary>
[ExampleBody("""{"result": "已清理消防通道并设置隔离桩。"}""")]
public sealed record ReplyToAssignment(string? Result, IReadOnlyList<string>? Evidence = null, long? ExpectedVersion = null);

public static class ReplyToAssignmentEndpoint
{
    public const int MaxEvidence = 20;

    public static ProblemDetails Validate(ReplyToAssignment command, Whistle whistle, string department, ClaimsPrincipal user)
    {
        if (WhistleRules.OwnAssignment(whistle, department, user, command.ExpectedVersion) is { } problem) return problem;
        var errors = new FieldErrors()
            .Text("result", command.Result, 2000)
            .When(command.Evidence?.Count > MaxEvidence, "evidence", $"至多 {MaxEvidence} 项证据。At most {MaxEvidence} evidence references.")
            .When(command.Evidence?.Any(e => string.IsNullOrWhiteSpace(e) || e.Length > 500) == true, "evidence",
                "每项证据引用不能为空且不超过 500 字符。Each reference must be non-empty and at most 500 characters.");
        if (errors.Any) return errors.ToProblem();
        return whistle.Find(department)!.Status switch
        {
            AssignmentStatus.SignedFor => Problems.None,
            AssignmentStatus.Awaiting => Problems.Conflict(
                "尚未签收：请先签收，再反馈办理结果。", "The assignment has not been signed for yet: sign for it before replying."),
            AssignmentStatus.Replied => Problems.Conflict(
                "已反馈，等待吹哨方确认；如被退回可再次反馈。", "Already replied; a returned reply can be answered again."),
            _ => Problems.Conflict("已退单，等待联席办审定。", "The assignment was rejected and awaits the office's ruling."),
        };
    }

    [EndpointSummary("答复派单 Reply to an assignment")]
    [WolverinePost("/api/whistles/{whistleId}/assignments/{department}/reply", OperationId = nameof(ReplyToAssignment))]
    [Authorize(Roles = Roles.Department)]
    public static (WhistleAnswer, Events) Post(
        ReplyToAssignment command, [WriteAggregate] Whistle whistle, string department, ClaimsPrincipal user, DateTimeOffset now)
    {
        Events events =
        [
            new AssignmentReplied(whistle.Id, department, command.Result!.Trim(),
                (command.Evidence ?? []).Select(e => e.Trim()).ToList(), Actor.From(user), now),
        ];
        return (WhistleAnswer.After(whistle, events), events);
    }
}
