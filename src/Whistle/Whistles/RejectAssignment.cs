using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>
/// A department refuses the assignment as outside its remit (退单), citing the legal basis — within the rejection window
/// the policy gives it from getting the assignment; after the window it must handle the case (409 naming the window's
/// end). The rejection pauses the department's clock (<see cref="AssignmentPaused"/>) until the joint-meeting office
/// rules, and the ruling is due by the policy's ruling time: the office is reminded before it, and a ruling still not
/// given when due sends the whistle to county supervision.
/// </summary>
[ExampleBody("""{"legalBasis": "《城市道路管理条例》第二条", "reason": "小区内部道路属物业管理区域，不属城市道路。"}""")]
public sealed record RejectAssignment(string? LegalBasis, string? Reason, long? ExpectedVersion = null);

public static class RejectAssignmentEndpoint
{
    public static Task<WhistleTiming> LoadAsync(IQuerySession session, CountyReferenceCache reference, CancellationToken ct) =>
        WhistleTiming.LoadAsync(session, reference, ct);

    public static ProblemDetails Validate(RejectAssignment command, Whistle whistle, string department, ClaimsPrincipal user, TimeProvider clock) =>
        Check(command, whistle, department, user, clock.GetUtcNow());

    /// <summary>Whether the department may reject now: its own active assignment, not yet answered or ruled on, within its window.</summary>
    public static ProblemDetails Check(RejectAssignment command, Whistle whistle, string department, ClaimsPrincipal user, DateTimeOffset now)
    {
        if (WhistleRules.OwnAssignment(whistle, department, user, command.ExpectedVersion) is { } problem) return problem;
        var errors = new FieldErrors()
            .Text("legalBasis", command.LegalBasis, 500)
            .Text("reason", command.Reason, 1000);
        if (errors.Any) return errors.ToProblem();
        var assignment = whistle.Find(department)!;
        if (assignment.Overruled)
            return Problems.Conflict("联席办已审定退单不成立，本部门须办理，不能再次退单。", "The office overruled the rejection: the department must handle it and cannot reject again.");
        if (assignment.Status is not (AssignmentStatus.Awaiting or AssignmentStatus.SignedFor))
            return Problems.Conflict($"任务当前为“{assignment.Status.Label()}”，不能退单。", $"The assignment is {assignment.Status}; it cannot be rejected now.");
        return assignment.RejectionWindowEnd is { } end && now > end ? WindowClosed(end) : Problems.None;
    }

    /// <summary>409 naming the end of the window (China time), also given as <c>rejectionWindowEnd</c>.</summary>
    public static ProblemDetails WindowClosed(DateTimeOffset end)
    {
        var local = CountyTime.Local(end).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
        var problem = Problems.Conflict(
            $"退单时限已于 {local} 届满，本部门须办理此任务。", $"The rejection window closed at {local}; the department must handle the assignment.");
        problem.Extensions["rejectionWindowEnd"] = end;
        return problem;
    }

    [EndpointSummary("拒绝派单 Reject an assignment")]
    [WolverinePost("/api/whistles/{whistleId}/assignments/{department}/reject", OperationId = nameof(RejectAssignment))]
    [Authorize(Roles = Roles.Department)]
    public static (WhistleAnswer, Events, OutgoingMessages) Post(
        RejectAssignment command, [WriteAggregate] Whistle whistle, string department, WhistleTiming timing, ClaimsPrincipal user,
        DateTimeOffset now) => Reject(command, whistle, department, timing, Actor.From(user), now);

    /// <summary>
    /// The decision: the rejection, the pause of the department's clock with the office's ruling due time (the office
    /// told), and the ruling's reminder and deadline — scheduled now, never cancelled.
    /// </summary>
    public static (WhistleAnswer, Events, OutgoingMessages) Reject(
        RejectAssignment command, Whistle whistle, string department, WhistleTiming timing, Actor by, DateTimeOffset now)
    {
        var ruling = timing.Ruling(whistle.Type, now);
        Events events =
        [
            new AssignmentRejected(whistle.Id, department, command.LegalBasis!.Trim(), command.Reason!.Trim(), by, now,
                WhistleAudiences.Rejected()),
            // The office is told once, by the rejection it must rule on; the pause records its clock.
            new AssignmentPaused(whistle.Id, department, PauseReason.AwaitingRuling, ruling, by, now),
        ];
        var messages = new OutgoingMessages();
        messages.AddRange(WhistleRules.ScheduleRuling(whistle.Id, department, ruling));
        return (WhistleAnswer.After(whistle, events), events, messages);
    }
}
