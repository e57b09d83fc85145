using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Links two related complaints (关联); each records the other.</summary>
[ExampleBody("""{"otherComplaintId": "2b8e4f1a-9c3d-4e5f-a6b7-c8d9e0f1a2b3"}""")]
public sealed record LinkComplaints(Guid? OtherComplaintId, long? ExpectedVersion = null);

/// <summary>Sent by a complaint just linked to another: the other complaint records the link too, on its own stream.</summary>
public sealed record RecordComplaintLink(Guid ComplaintId, Guid OtherComplaintId, string OtherNumber, Actor By, DateTimeOffset At);

public static class LinkComplaintsEndpoint
{
    public static Task<NamedComplaint> LoadAsync(LinkComplaints command, IDocumentSession session, CancellationToken ct) =>
        ComplaintRules.LoadOtherAsync(command.OtherComplaintId, session, ct);

    public static ProblemDetails Validate(LinkComplaints command, Complaint complaint, NamedComplaint other, ClaimsPrincipal user)
    {
        if (ComplaintRules.Common(complaint, user, command.ExpectedVersion) is { } common) return common;
        var errors = new FieldErrors().Required("otherComplaintId", command.OtherComplaintId);
        if (errors.Any) return errors.ToProblem();
        if (ComplaintRules.OtherComplaint("otherComplaintId", complaint, other, user,
                "投诉不能关联自身。", "A complaint cannot be linked to itself.") is { } invalid) return invalid;
        return complaint.IsFinal ? ComplaintRules.NotAllowed(complaint, "再关联其他投诉", "linked") : Problems.None;
    }

    [EndpointSummary("关联投诉 Link complaints")]
    [WolverinePost("/api/complaints/{complaintId}/links", OperationId = nameof(LinkComplaints))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static (ComplaintAnswer, Events, OutgoingMessages) Post(
        LinkComplaints command, [WriteAggregate] Complaint complaint, NamedComplaint other, ClaimsPrincipal user, DateTimeOffset now)
    {
        var (mine, theirs) = Link(complaint, other.Found!, Actor.From(user), now);
        var (answer, events) = ComplaintAnswer.After(complaint, [.. mine]);
        // The other complaint records the link through its own aggregate workflow, in its own transaction.
        return (answer, events, theirs is null ? [] : [theirs]);
    }

    /// <summary>The decision: the link on this complaint, and the message that links the other; nothing when already linked.</summary>
    public static (Events Mine, RecordComplaintLink? Theirs) Link(Complaint complaint, Complaint other, Actor by, DateTimeOffset now) =>
        complaint.Links.Contains(other.Id)
            ? ([], null)
            : ([new ComplaintLinked(complaint.Id, other.Id, other.Number, by, now)],
               new RecordComplaintLink(other.Id, complaint.Id, complaint.Number, by, now));
}

/// <summary>The other side of a link: the complaint records it once, whatever its status (the link was decided on the first).</summary>
public static class RecordComplaintLinkHandler
{
    [AggregateHandler]
    public static Events Handle(RecordComplaintLink message, Complaint complaint) =>
        complaint.Links.Contains(message.OtherComplaintId)
            ? []
            : [new ComplaintLinked(complaint.Id, message.OtherComplaintId, message.OtherNumber, message.By, message.At)];
}
