using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Marks a complaint as a repeat of an earlier one about the same problem (重复件); it ends here.</summary>
public sealed record MarkComplaintDuplicate(Guid? OriginalId, long? ExpectedVersion = null);

public static class MarkComplaintDuplicateEndpoint
{
    public static async Task<ComplaintDetails?> LoadAsync(
        MarkComplaintDuplicate command, IQuerySession session, CancellationToken ct) =>
        command.OriginalId is { } id ? await session.LoadAsync<ComplaintDetails>(id, ct) : null;

    public static ProblemDetails Validate(
        MarkComplaintDuplicate command, Complaint complaint, ComplaintDetails? original, ClaimsPrincipal user)
    {
        if (ComplaintRules.Common(complaint, user, command.ExpectedVersion) is { } common) return common;
        var errors = new FieldErrors().Required("originalId", command.OriginalId);
        if (errors.Any) return errors.ToProblem();
        if (ComplaintRules.OtherComplaint("originalId", complaint, original, user,
                "投诉不能与自身重复。", "A complaint cannot duplicate itself.") is { } invalid) return invalid;
        if (original!.DuplicateOf?.Id == complaint.Id)
            return errors.Add("originalId",
                $"{original.Number} 已是本投诉的重复件。{original.Number} is already a duplicate of this complaint.").ToProblem();
        if (original.DuplicateOf is { } earlier)
            return errors.Add("originalId",
                $"{original.Number} 本身是 {earlier.Number} 的重复件，请标记为 {earlier.Number} 的重复件。" +
                $"It is itself a duplicate: mark this one as a duplicate of {earlier.Number}.").ToProblem();
        return complaint.Status switch
        {
            ComplaintStatus.Lodged or ComplaintStatus.Accepted => Problems.None,
            ComplaintStatus.Duplicate when complaint.DuplicateOf == original.Id => Problems.None,
            _ => ComplaintRules.NotAllowed(complaint, "标记为重复件", "marked as a duplicate"),
        };
    }

    [WolverinePost("/api/complaints/{complaintId}/mark-duplicate", OperationId = nameof(MarkComplaintDuplicate))]
    [Authorize(Roles = ComplaintRules.Handlers)]
    public static (UpdatedAggregate, Events) Post(
        MarkComplaintDuplicate command, [WriteAggregate] Complaint complaint, ComplaintDetails original,
        ClaimsPrincipal user, DateTimeOffset now) =>
        (new UpdatedAggregate(), complaint.Status == ComplaintStatus.Duplicate
            ? []
            : [new ComplaintMarkedDuplicate(complaint.Id, original.Id, original.Number, Actor.From(user), now)]);
}
