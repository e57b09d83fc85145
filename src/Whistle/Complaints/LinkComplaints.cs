using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
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
    public static async Task<(UpdatedAggregate, Events)> Post(
        LinkComplaints command, [WriteAggregate] Complaint complaint, ComplaintDetails other,
        ClaimsPrincipal user, DateTimeOffset now, IDocumentSession session, CancellationToken ct)
    {
        var (mine, theirs) = Link(complaint, other, Actor.From(user), now);
        // The other complaint's stream is fetched for writing too, so both appends carry their true versions.
        if (theirs is not null) (await session.Events.FetchForWriting<Complaint>(other.Id, ct)).AppendOne(theirs);
        return (new UpdatedAggregate(), mine);
    }

    /// <summary>The decision: the link on this complaint and on the other; nothing when they are already linked.</summary>
    public static (Events Mine, ComplaintLinked? Theirs) Link(Complaint complaint, ComplaintDetails other, Actor by, DateTimeOffset now) =>
        complaint.Links.Contains(other.Id)
            ? ([], null)
            : ([new ComplaintLinked(complaint.Id, other.Id, other.Number, by, now)],
               new ComplaintLinked(other.Id, complaint.Id, complaint.Number, by, now));
}
