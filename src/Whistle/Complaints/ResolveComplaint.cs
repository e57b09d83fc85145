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

/// <summary>Records that the complaint has been dealt with (办结), and how.</summary>
[ExampleBody("""{"outcome": "城管已劝离占道车辆，物业在通道口加装隔离桩。"}""")]
public sealed record ResolveComplaint(string? Outcome, long? ExpectedVersion = null);

public static class ResolveComplaintEndpoint
{
    public static Task<ComplaintTiming> LoadAsync(IQuerySession session, CountyReferenceCache reference, CancellationToken ct) =>
        ComplaintTiming.LoadAsync(session, reference, ct);

    public static ProblemDetails Validate(ResolveComplaint command, Complaint complaint, ClaimsPrincipal user)
    {
        if (ComplaintRules.Common(complaint, user, command.ExpectedVersion) is { } common) return common;
        var errors = new FieldErrors().Text("outcome", command.Outcome, 2000);
        if (errors.Any) return errors.ToProblem();
        if (complaint.OpenWhistle is { } whistle && complaint.Status == ComplaintStatus.Accepted)
            return Problems.Conflict(
                $"投诉 {complaint.Number} 的吹哨 {whistle} 尚未办结，部门反馈并确认后才能办结投诉。",
                $"The whistle {whistle} on this complaint has not concluded; it must conclude before the complaint is resolved.");
        return complaint.Status is ComplaintStatus.Accepted or ComplaintStatus.Resolved
            ? Problems.None
            : ComplaintRules.NotAllowed(complaint, "办结", "resolved");
    }

    [EndpointSummary("办结投诉 Resolve a complaint")]
    [WolverinePost("/api/complaints/{complaintId}/resolve", OperationId = nameof(ResolveComplaint))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static (ComplaintAnswer, Events, OutgoingMessages) Post(
        ResolveComplaint command, [WriteAggregate] Complaint complaint, ComplaintTiming timing, ClaimsPrincipal user, DateTimeOffset now) =>
        Resolve(command, complaint, timing, Actor.From(user), now);

    /// <summary>
    /// The decision: resolved, with the time limit for the follow-up call (回访) running from now and its reminder and
    /// deadline; each case citing the complaint is told. Nothing when already resolved.
    /// </summary>
    public static (ComplaintAnswer, Events, OutgoingMessages) Resolve(
        ResolveComplaint command, Complaint complaint, ComplaintTiming timing, Actor by, DateTimeOffset now)
    {
        if (complaint.Status == ComplaintStatus.Resolved)
        {
            var (same, none) = ComplaintAnswer.After(complaint);
            return (same, none, []);
        }
        var due = timing.Due(ComplaintStep.FollowUp, complaint, now);
        var (answer, events) = ComplaintAnswer.After(complaint, new ComplaintResolved(complaint.Id, command.Outcome!.Trim(), by, now, due, complaint.PropertyCompanyCode));
        return (answer, events,
        [
            .. complaint.CitedBy.Select(citing => new ComplaintResolvedNotice(complaint.Id, complaint.Number, citing, by, now)),
            .. ComplaintDeadlines.Schedule(complaint.Id, due),
        ]);
    }
}
