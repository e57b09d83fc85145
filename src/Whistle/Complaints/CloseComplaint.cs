using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Closes (结案) a complaint whose complainant said on follow-up that they are satisfied.</summary>
[ExampleBody("""{"expectedVersion": 5}""")]
public sealed record CloseComplaint(long? ExpectedVersion = null);

public static class CloseComplaintEndpoint
{
    public static ProblemDetails Validate(CloseComplaint command, Complaint complaint, ClaimsPrincipal user) =>
        ComplaintRules.Common(complaint, user, command.ExpectedVersion) ?? complaint switch
        {
            { Status: ComplaintStatus.Closed } => Problems.None,
            { Status: ComplaintStatus.FollowedUp, LastSatisfaction: Satisfaction.Unsatisfied } => Problems.Conflict(
                $"投诉 {complaint.Number} 回访不满意，应重新办理，不能结案。",
                "The complainant was unsatisfied on follow-up: reopen the complaint instead of closing it."),
            { Status: ComplaintStatus.FollowedUp } => Problems.None,
            { Status: ComplaintStatus.Resolved } => Problems.Conflict(
                $"投诉 {complaint.Number} 尚未回访，回访后才能结案。",
                "The complaint has not been followed up yet; record the follow-up call before closing."),
            _ => ComplaintRules.NotAllowed(complaint, "结案", "closed"),
        };

    [EndpointSummary("关闭投诉 Close a complaint")]
    [WolverinePost("/api/complaints/{complaintId}/close", OperationId = nameof(CloseComplaint))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static (ComplaintAnswer, Events) Post(
        CloseComplaint command, [WriteAggregate] Complaint complaint, ClaimsPrincipal user, DateTimeOffset now) =>
        complaint.Status == ComplaintStatus.Closed
            ? ComplaintAnswer.After(complaint)
            : ComplaintAnswer.After(complaint, new ComplaintClosed(complaint.Id, Actor.From(user), now));
}
