using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>
/// A department refuses the assignment as outside its remit (退单), citing the legal basis; the joint-meeting office
/// then rules on it. Until it does, the assignment's deadlines do not run against the department.
/// </summary>
public sealed record RejectAssignment(string? LegalBasis, string? Reason, long? ExpectedVersion = null);

public static class RejectAssignmentEndpoint
{
    public static ProblemDetails Validate(RejectAssignment command, Whistle whistle, string department, ClaimsPrincipal user)
    {
        if (WhistleRules.OwnAssignment(whistle, department, user, command.ExpectedVersion) is { } problem) return problem;
        var errors = new FieldErrors()
            .Text("legalBasis", command.LegalBasis, 500)
            .Text("reason", command.Reason, 1000);
        if (errors.Any) return errors.ToProblem();
        if (whistle.Find(department)!.Overruled)
            return Problems.Conflict("联席办已审定退单不成立，本部门须办理，不能再次退单。", "The office overruled the rejection: the department must handle it and cannot reject again.");
        var status = whistle.Find(department)!.Status;
        return status is AssignmentStatus.Awaiting or AssignmentStatus.SignedFor
            ? Problems.None
            : Problems.Conflict($"任务当前为“{status.Label()}”，不能退单。", $"The assignment is {status}; it cannot be rejected now.");
    }

    [WolverinePost("/api/whistles/{whistleId}/assignments/{department}/reject", OperationId = nameof(RejectAssignment))]
    [Authorize(Roles = Roles.Department)]
    public static (WhistleAnswer, Events) Post(
        RejectAssignment command, [WriteAggregate] Whistle whistle, string department, ClaimsPrincipal user, DateTimeOffset now)
    {
        Events events =
            [new AssignmentRejected(whistle.Id, department, command.LegalBasis!.Trim(), command.Reason!.Trim(), Actor.From(user), now,
                WhistleAudiences.Rejected())];
        return (WhistleAnswer.After(whistle, events), events);
    }
}
