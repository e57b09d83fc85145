using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Accepts a lodged complaint for handling (受理).</summary>
public sealed record AcceptComplaint(long? ExpectedVersion = null);

public static class AcceptComplaintEndpoint
{
    public static ProblemDetails Validate(AcceptComplaint command, Complaint complaint, ClaimsPrincipal user) =>
        ComplaintRules.Common(complaint, user, command.ExpectedVersion)
        ?? (complaint.Status is ComplaintStatus.Lodged or ComplaintStatus.Accepted
            ? Problems.None
            : ComplaintRules.NotAllowed(complaint, "受理", "accepted"));

    [WolverinePost("/api/complaints/{complaintId}/accept", OperationId = nameof(AcceptComplaint))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static (ComplaintAnswer, Events) Post(
        AcceptComplaint command, [WriteAggregate] Complaint complaint, ClaimsPrincipal user, DateTimeOffset now) =>
        complaint.Status == ComplaintStatus.Accepted
            ? ComplaintAnswer.After(complaint)
            : ComplaintAnswer.After(complaint, new ComplaintAccepted(complaint.Id, Actor.From(user), now));
}
