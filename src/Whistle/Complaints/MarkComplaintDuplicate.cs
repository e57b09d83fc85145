using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Marks a complaint as a repeat of an earlier one about the same problem (重复件); it ends here.</summary>
[ExampleBody("""{"originalId": "2b8e4f1a-9c3d-4e5f-a6b7-c8d9e0f1a2b3"}""")]
public sealed record MarkComplaintDuplicate(Guid? OriginalId, long? ExpectedVersion = null);

public static class MarkComplaintDuplicateEndpoint
{
    public static Task<NamedComplaint> LoadAsync(MarkComplaintDuplicate command, IDocumentSession session, CancellationToken ct) =>
        ComplaintRules.LoadOtherAsync(command.OriginalId, session, ct);

    public static ProblemDetails Validate(
        MarkComplaintDuplicate command, Complaint complaint, NamedComplaint named, ClaimsPrincipal user)
    {
        if (ComplaintRules.Common(complaint, user, command.ExpectedVersion) is { } common) return common;
        var errors = new FieldErrors().Required("originalId", command.OriginalId);
        if (errors.Any) return errors.ToProblem();
        if (ComplaintRules.OtherComplaint("originalId", complaint, named, user,
                "投诉不能与自身重复。", "A complaint cannot duplicate itself.") is { } invalid) return invalid;
        var original = named.Found!;
        if (original.DuplicateOf == complaint.Id)
            return errors.Add("originalId",
                $"{original.Number} 已是本投诉的重复件。{original.Number} is already a duplicate of this complaint.").ToProblem();
        if (original.DuplicateOf is not null)
            return errors.Add("originalId",
                $"{original.Number} 本身是 {original.DuplicateOfNumber} 的重复件，请标记为 {original.DuplicateOfNumber} 的重复件。" +
                $"It is itself a duplicate: mark this one as a duplicate of {original.DuplicateOfNumber}.").ToProblem();
        return complaint.Status switch
        {
            ComplaintStatus.Lodged or ComplaintStatus.Accepted => Problems.None,
            ComplaintStatus.Duplicate when complaint.DuplicateOf == original.Id => Problems.None,
            _ => ComplaintRules.NotAllowed(complaint, "标记为重复件", "marked as a duplicate"),
        };
    }

    [EndpointSummary("标记为重复投诉 Mark a complaint as a duplicate")]
    [WolverinePost("/api/complaints/{complaintId}/mark-duplicate", OperationId = nameof(MarkComplaintDuplicate))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static (ComplaintAnswer, Events) Post(
        MarkComplaintDuplicate command, [WriteAggregate] Complaint complaint, NamedComplaint named,
        ClaimsPrincipal user, DateTimeOffset now) =>
        complaint.Status == ComplaintStatus.Duplicate
            ? ComplaintAnswer.After(complaint)
            : ComplaintAnswer.After(complaint,
                new ComplaintMarkedDuplicate(complaint.Id, named.Found!.Id, named.Found.Number, Actor.From(user), now));
}
