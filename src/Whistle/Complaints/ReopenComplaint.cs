using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Sends a complaint back to handling (不满意重办) after an unsatisfied follow-up.</summary>
[ExampleBody("""{"reason": "居民反映夜间仍有占道停车。"}""")]
public sealed record ReopenComplaint(string? Reason, long? ExpectedVersion = null);

public static class ReopenComplaintEndpoint
{
    public static Task<ComplaintTiming> LoadAsync(IQuerySession session, CountyReferenceCache reference, CancellationToken ct) =>
        ComplaintTiming.LoadAsync(session, reference, ct);

    public static ProblemDetails Validate(ReopenComplaint command, Complaint complaint, ClaimsPrincipal user)
    {
        if (ComplaintRules.Common(complaint, user, command.ExpectedVersion) is { } common) return common;
        var errors = new FieldErrors().Text("reason", command.Reason, 1000);
        if (errors.Any) return errors.ToProblem();
        return complaint switch
        {
            { Status: ComplaintStatus.FollowedUp, LastSatisfaction: Satisfaction.Unsatisfied } => Problems.None,
            { Status: ComplaintStatus.FollowedUp } => Problems.Conflict(
                $"投诉 {complaint.Number} 回访满意，不需要重新办理，请结案。",
                "The complainant was satisfied on follow-up: close the complaint instead of reopening it."),
            _ => ComplaintRules.NotAllowed(complaint, "重新办理", "reopened"),
        };
    }

    [EndpointSummary("重新办理投诉 Reopen a complaint")]
    [WolverinePost("/api/complaints/{complaintId}/reopen", OperationId = nameof(ReopenComplaint))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static (ComplaintAnswer, Events, OutgoingMessages) Post(
        ReopenComplaint command, [WriteAggregate] Complaint complaint, ComplaintTiming timing, ClaimsPrincipal user, DateTimeOffset now) =>
        Reopen(command, complaint, timing, Actor.From(user), now);

    /// <summary>The decision: back to handling, with a fresh time limit to resolve it (办结) running from now, and its reminder and deadline.</summary>
    public static (ComplaintAnswer, Events, OutgoingMessages) Reopen(
        ReopenComplaint command, Complaint complaint, ComplaintTiming timing, Actor by, DateTimeOffset now)
    {
        var due = timing.Due(ComplaintStep.Resolve, complaint, now);
        var (answer, events) = ComplaintAnswer.After(complaint, new ComplaintReopened(complaint.Id, command.Reason!.Trim(), by, now, due));
        return (answer, events, ComplaintDeadlines.Schedule(complaint.Id, due));
    }
}
