using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Records the follow-up call (回访) after resolution: how satisfied the complainant is.</summary>
[ExampleBody("""{"satisfaction": "Unsatisfied", "comment": "晚上仍有车辆停放。"}""")]
public sealed record RecordFollowUp(Satisfaction? Satisfaction, string? Comment, long? ExpectedVersion = null);

public static class RecordFollowUpEndpoint
{
    public static ProblemDetails Validate(RecordFollowUp command, Complaint complaint, ClaimsPrincipal user)
    {
        if (ComplaintRules.Common(complaint, user, command.ExpectedVersion) is { } common) return common;
        var errors = new FieldErrors()
            .Defined("satisfaction", command.Satisfaction)
            .Text("comment", command.Comment, 1000, required: command.Satisfaction == Satisfaction.Unsatisfied);
        if (errors.Any) return errors.ToProblem();
        return complaint.Status == ComplaintStatus.Resolved
            ? Problems.None
            : ComplaintRules.NotAllowed(complaint, "回访", "followed up");
    }

    [EndpointSummary("登记回访 Record a follow-up")]
    [WolverinePost("/api/complaints/{complaintId}/follow-up", OperationId = nameof(RecordFollowUp))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static (ComplaintAnswer, Events) Post(
        RecordFollowUp command, [WriteAggregate] Complaint complaint, ClaimsPrincipal user, DateTimeOffset now) =>
        ComplaintAnswer.After(complaint, new ComplaintFollowUpRecorded(
            complaint.Id, command.Satisfaction!.Value, command.Comment?.Trim(), Actor.From(user), now, complaint.PropertyCompanyCode));
}
