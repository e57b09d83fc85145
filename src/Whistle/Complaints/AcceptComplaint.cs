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

/// <summary>Accepts a lodged complaint for handling (受理).</summary>
[ExampleBody("""{"expectedVersion": 1}""")]
public sealed record AcceptComplaint(long? ExpectedVersion = null);

public static class AcceptComplaintEndpoint
{
    public static Task<ComplaintTiming> LoadAsync(IQuerySession session, CountyReferenceCache reference, CancellationToken ct) =>
        ComplaintTiming.LoadAsync(session, reference, ct);

    public static ProblemDetails Validate(AcceptComplaint command, Complaint complaint, ClaimsPrincipal user) =>
        ComplaintRules.Common(complaint, user, command.ExpectedVersion)
        ?? (complaint.Status is ComplaintStatus.Lodged or ComplaintStatus.Accepted
            ? Problems.None
            : ComplaintRules.NotAllowed(complaint, "受理", "accepted"));

    [EndpointSummary("受理投诉 Accept a complaint")]
    [WolverinePost("/api/complaints/{complaintId}/accept", OperationId = nameof(AcceptComplaint))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static (ComplaintAnswer, Events, OutgoingMessages) Post(
        AcceptComplaint command, [WriteAggregate] Complaint complaint, ComplaintTiming timing, ClaimsPrincipal user, DateTimeOffset now) =>
        Accept(complaint, timing, Actor.From(user), now);

    /// <summary>
    /// The decision: accepted, with the time limit to resolve it (办结) running from now, and that limit's reminder and
    /// deadline; nothing when already accepted.
    /// </summary>
    public static (ComplaintAnswer, Events, OutgoingMessages) Accept(Complaint complaint, ComplaintTiming timing, Actor by, DateTimeOffset now)
    {
        if (complaint.Status == ComplaintStatus.Accepted)
        {
            var (same, none) = ComplaintAnswer.After(complaint);
            return (same, none, []);
        }
        var due = timing.Due(ComplaintStep.Resolve, complaint, now);
        var (answer, events) = ComplaintAnswer.After(complaint, new ComplaintAccepted(complaint.Id, by, now, due));
        return (answer, events, ComplaintDeadlines.Schedule(complaint.Id, due));
    }
}
