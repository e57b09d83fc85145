using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Records that the complainant withdrew the complaint (撤诉) before it was resolved.</summary>
[ExampleBody("""{"reason": "投诉人来电表示车辆已移走，撤回投诉。"}""")]
public sealed record WithdrawComplaint(string? Reason, long? ExpectedVersion = null);

public static class WithdrawComplaintEndpoint
{
    public static ProblemDetails Validate(WithdrawComplaint command, Complaint complaint, ClaimsPrincipal user)
    {
        if (ComplaintRules.Common(complaint, user, command.ExpectedVersion) is { } common) return common;
        var errors = new FieldErrors().Text("reason", command.Reason, 1000);
        if (errors.Any) return errors.ToProblem();
        return complaint.Status is ComplaintStatus.Lodged or ComplaintStatus.Accepted or ComplaintStatus.Withdrawn
            ? Problems.None
            : ComplaintRules.NotAllowed(complaint, "撤回", "withdrawn");
    }

    [EndpointSummary("撤回投诉 Withdraw a complaint")]
    [WolverinePost("/api/complaints/{complaintId}/withdraw", OperationId = nameof(WithdrawComplaint))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static (ComplaintAnswer, Events) Post(
        WithdrawComplaint command, [WriteAggregate] Complaint complaint, ClaimsPrincipal user, DateTimeOffset now) =>
        complaint.Status == ComplaintStatus.Withdrawn
            ? ComplaintAnswer.After(complaint)
            : ComplaintAnswer.After(complaint, new ComplaintWithdrawn(complaint.Id, command.Reason!.Trim(), Actor.From(user), now));
}
