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
    [Authorize(Roles = ComplaintRules.Handlers)]
    public static (UpdatedAggregate, Events) Post(
        AcceptComplaint command, [WriteAggregate] Complaint complaint, ClaimsPrincipal user, DateTimeOffset now) =>
        (new UpdatedAggregate(), complaint.Status == ComplaintStatus.Accepted
            ? []
            : [new ComplaintAccepted(complaint.Id, Actor.From(user), now)]);
}
