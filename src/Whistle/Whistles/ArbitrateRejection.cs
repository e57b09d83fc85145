using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>
/// The joint-meeting office rules on a rejection (审定): upheld — the case moves to <c>reassignTo</c>, whose rejection
/// window runs from the ruling; overruled — the rejecting department must handle it, with fresh due times. Either way
/// the ruling ends the pause the rejection began. An upheld ruling also updates the complaint's summary of the whistle
/// in the same transaction. A ruling given late (after its due time, even after county supervision) is still taken.
/// </summary>
[ExampleBody("""{"ruling": "Upheld", "reason": "物业管理区域内的秩序由住建监督物业企业落实。", "reassignTo": "zhujian"}""")]
public sealed record ArbitrateRejection(ArbitrationRuling? Ruling, string? Reason, string? ReassignTo = null, long? ExpectedVersion = null);

public sealed record Arbitration(WhistleTiming Timing, DepartmentCodes Departments, WhistleComplaint? Complaint = null);

public static class ArbitrateRejectionEndpoint
{
    public static async Task<Arbitration> LoadAsync(
        Whistle whistle, IDocumentSession session, CountyReferenceCache reference, CancellationToken ct)
    {
        var county = await reference.CurrentAsync(session, ct);
        return new(WhistleTiming.From(county), county.Departments, await WhistleComplaint.LoadAsync(whistle, session, ct));
    }

    public static ProblemDetails Validate(
        ArbitrateRejection command, Whistle whistle, string department, Arbitration arbitration, ClaimsPrincipal user)
    {
        if (whistle.Find(department) is not { } assignment) return WhistleRules.AssignmentNotFound(whistle.Id, department);
        if (whistle.Concluded) return WhistleRules.Concluded(whistle);
        if (Problems.CheckVersion(command.ExpectedVersion, whistle.Version) is { } stale) return stale;
        var errors = new FieldErrors().Defined("ruling", command.Ruling).Text("reason", command.Reason, 1000);
        if (command.Ruling == ArbitrationRuling.Upheld)
        {
            errors.Text("reassignTo", command.ReassignTo, 32)
                .When(command.ReassignTo is { Length: > 0 } to && !arbitration.Departments.Contains(to), "reassignTo",
                    $"没有编码为 {command.ReassignTo} 的部门。No department {command.ReassignTo}.")
                .When(command.ReassignTo is { Length: > 0 } other && whistle.Find(other) is not null, "reassignTo",
                    $"{command.ReassignTo} 已在本次吹哨中。That department is already on the whistle.");
        }
        if (errors.Any) return errors.ToProblem();
        return assignment.Status == AssignmentStatus.Rejected
            ? Problems.None
            : Problems.Conflict($"{department} 没有退单，无需审定。", "The department has not rejected the assignment; there is nothing to rule on.");
    }

    [EndpointSummary("裁定部门的拒绝 Rule on a department's rejection")]
    [WolverinePost("/api/whistles/{whistleId}/assignments/{department}/arbitrate", OperationId = nameof(ArbitrateRejection))]
    [Authorize(Roles = Roles.Office)]
    public static (WhistleAnswer, Events, OutgoingMessages, IEnumerable<IMartenOp>) Post(
        ArbitrateRejection command, [WriteAggregate] Whistle whistle, string department, Arbitration arbitration,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var by = Actor.From(user);
        var (answer, events, messages) = Arbitrate(command, whistle, department, arbitration.Timing, by, now);
        var summary = arbitration.Complaint?.Record(complaint => OnComplaint(whistle, events, complaint, by, now)) ?? [];
        return (answer, events, messages, summary);
    }

    /// <summary>
    /// The complaint's side of the ruling: when it moved a department's part, the complaint's summary names the
    /// departments the whistle has after it (in the order the conclusion will record them).
    /// </summary>
    public static Events OnComplaint(Whistle whistle, Events ruling, Complaint complaint, Actor by, DateTimeOffset now) =>
        ruling.OfType<RejectionArbitrated>().Any(r => r.Ruling == ArbitrationRuling.Upheld)
            ? WhistleOnComplaint.Reassigned(complaint, whistle.Id,
                [.. whistle.After(ruling).Assignments.Where(a => a.Active).Select(a => a.Department)], by, now)
            : [];

    /// <summary>
    /// The decision: the end of the department's pause (when its rejection began one), then the ruling, with the new
    /// department's (or the same department's fresh) due times scheduled.
    /// </summary>
    public static (WhistleAnswer, Events, OutgoingMessages) Arbitrate(
        ArbitrateRejection command, Whistle whistle, string department, WhistleTiming timing, Actor by, DateTimeOffset now)
    {
        var renewed = timing.Renew(whistle.Type, now);
        var assignment = whistle.Find(department)!;
        var messages = new OutgoingMessages();
        Events events = assignment.AwaitingRuling is null
            ? []
            : [new AssignmentPauseEnded(whistle.Id, department, PauseReason.AwaitingRuling, by, now)];
        if (command.Ruling == ArbitrationRuling.Upheld)
        {
            var reassignment = new AssignmentTerms(command.ReassignTo!, assignment.Role, renewed, timing.RejectionWindowEnd(whistle.Type, now));
            messages.AddRange(WhistleRules.Schedule(whistle.Id, reassignment.Department, renewed, DeadlineKind.SignFor, DeadlineKind.Reply));
            events.Add(new RejectionArbitrated(whistle.Id, department, ArbitrationRuling.Upheld, command.Reason!.Trim(), reassignment, null, by, now,
                WhistleAudiences.Ruled(whistle, department, reassignment.Department)));
        }
        else
        {
            messages.AddRange(WhistleRules.Schedule(whistle.Id, department, renewed, DeadlineKind.Reply));
            events.Add(new RejectionArbitrated(whistle.Id, department, ArbitrationRuling.Overruled, command.Reason!.Trim(), null, renewed, by, now,
                WhistleAudiences.Ruled(whistle, department, null)));
        }
        return (WhistleAnswer.After(whistle, events), events, messages);
    }
}
