using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Declines a lodged complaint (不予受理), saying why and where the resident should turn instead.</summary>
[ExampleBody("""{"reason": "属于租赁合同民事纠纷，不属物业治理投诉范围。", "redirectTo": "人民调解委员会或人民法院"}""")]
[OptionalFields("redirectTo")]
public sealed record DeclineComplaint(string? Reason, string? RedirectTo, long? ExpectedVersion = null);

public static class DeclineComplaintEndpoint
{
    public static ProblemDetails Validate(DeclineComplaint command, Complaint complaint, ClaimsPrincipal user)
    {
        if (ComplaintRules.Common(complaint, user, command.ExpectedVersion) is { } common) return common;
        var errors = new FieldErrors()
            .Text("reason", command.Reason, 500)
            .Text("redirectTo", command.RedirectTo, 200, required: false);
        if (errors.Any) return errors.ToProblem();
        return complaint.Status is ComplaintStatus.Lodged or ComplaintStatus.Declined
            ? Problems.None
            : ComplaintRules.NotAllowed(complaint, "不予受理", "declined");
    }

    [EndpointSummary("不予受理 Decline a complaint")]
    [WolverinePost("/api/complaints/{complaintId}/decline", OperationId = nameof(DeclineComplaint))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static (ComplaintAnswer, Events) Post(
        DeclineComplaint command, [WriteAggregate] Complaint complaint, ClaimsPrincipal user, DateTimeOffset now) =>
        complaint.Status == ComplaintStatus.Declined
            ? ComplaintAnswer.After(complaint)
            : ComplaintAnswer.After(complaint,
                new ComplaintDeclined(complaint.Id, command.Reason!.Trim(), command.RedirectTo?.Trim(), Actor.From(user), now));
}
