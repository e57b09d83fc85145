using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Hosting;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Links two related complaints (关联); each records the other.</summary>
public sealed record LinkComplaints(Guid? OtherComplaintId, long? ExpectedVersion = null);

public static class LinkComplaintsEndpoint
{
    public static async Task<ComplaintDetails?> LoadAsync(LinkComplaints command, IQuerySession session, CancellationToken ct) =>
        command.OtherComplaintId is { } id ? await session.LoadAsync<ComplaintDetails>(id, ct) : null;

    public static ProblemDetails Validate(
        LinkComplaints command, Complaint complaint, ComplaintDetails? other, ClaimsPrincipal user)
    {
        if (ComplaintRules.Common(complaint, user, command.ExpectedVersion) is { } common) return common;
        var errors = new FieldErrors().Required("otherComplaintId", command.OtherComplaintId);
        if (errors.Any) return errors.ToProblem();
        if (ComplaintRules.OtherComplaint("otherComplaintId", complaint, other, user,
                "投诉不能关联自身。", "A complaint cannot be linked to itself.") is { } invalid) return invalid;
        return complaint.IsFinal ? ComplaintRules.NotAllowed(complaint, "再关联其他投诉", "linked") : Problems.None;
    }

    [WolverinePost("/api/complaints/{complaintId}/links", OperationId = nameof(LinkComplaints))]
    [Authorize(Roles = ComplaintRules.Handlers)]
    public static (UpdatedAggregate, Events, IEnumerable<IMartenOp>) Post(
        LinkComplaints command, [WriteAggregate] Complaint complaint, ComplaintDetails other,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        if (complaint.Links.Contains(other.Id)) return (new UpdatedAggregate(), [], []);
        var by = Actor.From(user);
        return (new UpdatedAggregate(),
            [new ComplaintLinked(complaint.Id, other.Id, other.Number, by, now)],
            [MartenOps.Append(other.Id, new ComplaintLinked(other.Id, complaint.Id, complaint.Number, by, now))]);
    }
}
