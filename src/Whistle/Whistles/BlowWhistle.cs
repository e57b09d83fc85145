using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County;
using Whistle.County.Calendar;
using Whistle.County.Catalogue;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.County.Staff;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>
/// Blows the whistle on a complaint the community cannot solve alone (社区吹哨). Type and departments default to the
/// dispatch catalogue's line for the complaint's category; choosing other departments needs a reason (the type is the
/// whistler's call: an emergency is whatever is urgent on the day).
/// </summary>
[ExampleBody("""{"need": "请公安、城管到场处置占用消防通道的车辆。"}""")]
public sealed record BlowWhistle(
    string? Need, WhistleType? Type = null, string? Lead = null, IReadOnlyList<string>? CoHandling = null,
    string? DepartureReason = null, long? ExpectedVersion = null);

/// <summary>201 body: the whistle's id; Location points at it.</summary>
public sealed record WhistleBlownResponse(Guid WhistleId) : CreationResponse($"/api/whistles/{WhistleId}");

/// <summary>
/// The county data a whistle is routed and timed by, each with the version it records, and the departments that have
/// an active officer in the staff register now (<see cref="Staffed"/>).
/// </summary>
public sealed record WhistleRouting(
    DispatchCatalogue? Catalogue, DeadlinePolicy Policy, CountyCalendar Calendar, DepartmentCodes Departments, IReadOnlySet<string> Staffed);

public static class BlowWhistleEndpoint
{
    /// <summary>The catalogue, policy, calendar and departments from memory; the staffed departments from the register.</summary>
    public static async Task<WhistleRouting> LoadAsync(IQuerySession session, CountyReferenceCache reference, CancellationToken ct)
    {
        var county = await reference.CurrentAsync(session, ct);
        return new(county.Catalogue, county.Policy, county.Calendar, county.Departments,
            await StaffAudience.DepartmentsWithActiveOfficersAsync(session, ct));
    }

    public static ProblemDetails Validate(BlowWhistle command, Complaint complaint, WhistleRouting routing, ClaimsPrincipal user)
    {
        var scope = Scope.Of(user);
        var area = complaint.Area;
        if (!scope.Sees(CaseKind.Complaint, area) || !scope.MayHandle(CaseKind.Whistle, area)) return ComplaintRules.NotFound(complaint.Id);
        if (Problems.CheckVersion(command.ExpectedVersion, complaint.Version) is { } stale) return stale;
        if (complaint.OpenWhistle is { } open)
            return Problems.Conflict($"投诉 {complaint.Number} 已有未办结的吹哨 {open}。", $"A whistle ({open}) is still open on this complaint.");
        if (complaint.Status != ComplaintStatus.Accepted) return ComplaintRules.NotAllowed(complaint, "吹哨", "whistled on");

        var errors = new FieldErrors()
            .Text("need", command.Need, 1000)
            .Text("departureReason", command.DepartureReason, 500, required: false)
            .When(command.Type is { } t && !Enum.IsDefined(t), "type", "应为 Emergency、Routine 或 Tough。Emergency, Routine or Tough.");
        var (entry, lead, coHandling, _) = DispatchRoute.Of(routing.Catalogue, complaint.CategoryId, command.Type, command.Lead, command.CoHandling);
        if (lead is null)
            errors.Add("lead", "派单目录中没有此类别，须指定牵头部门。The category is not in the catalogue: name the lead department.");
        else if (!routing.Departments.Contains(lead))
            errors.Add("lead", $"没有编码为 {lead} 的部门。No department {lead}.");
        foreach (var unknown in coHandling.Where(d => !routing.Departments.Contains(d)))
            errors.Add("coHandling", $"没有编码为 {unknown} 的部门。No department {unknown}.");
        errors.When(lead is not null && coHandling.Contains(lead), "coHandling", "牵头部门不能同时配合。The lead cannot also co-handle.")
            .When(coHandling.Distinct().Count() != coHandling.Count, "coHandling", "部门重复。A department appears twice.")
            .When(coHandling.Count > 10, "coHandling", "至多 10 个配合部门。At most 10 co-handling departments.");
        if (entry is not null && DepartsFrom(entry, lead, coHandling) && string.IsNullOrWhiteSpace(command.DepartureReason))
            errors.Add("departureReason",
                $"所选部门与派单目录（{entry.Lead} 牵头）不同，须说明理由。The departments differ from the catalogue's: give the reason.");
        return errors.ToProblem();
    }

    private static bool DepartsFrom(CatalogueEntry entry, string? lead, IReadOnlyList<string> coHandling) =>
        lead != entry.Lead || !coHandling.Order().SequenceEqual(entry.CoHandling.Order());

    [EndpointSummary("就投诉吹哨 Blow the whistle on a complaint")]
    [WolverinePost("/api/complaints/{complaintId}/whistle", OperationId = nameof(BlowWhistle))]
    [Authorize(Roles = Scope.Whistlers)]
    public static (WhistleBlownResponse, Events, IStartStream, OutgoingMessages) Post(
        BlowWhistle command, [WriteAggregate] Complaint complaint, WhistleRouting routing, ClaimsPrincipal user, DateTimeOffset now) =>
        Blow(command, complaint, routing, Guid.CreateVersion7(now), user.IsInRole(Roles.SubDistrict) ? WhistleLevel.SubDistrict : WhistleLevel.Community,
            Actor.From(user), now);

    /// <summary>
    /// The decision on a complaint: the complaint's event and the whistle started on it (<see cref="Start"/>).
    /// </summary>
    public static (WhistleBlownResponse, Events, IStartStream, OutgoingMessages) Blow(
        BlowWhistle command, Complaint complaint, WhistleRouting routing, Guid whistleId, WhistleLevel level, Actor by, DateTimeOffset now)
    {
        var (blown, messages) = Start(command, WhistleCase.Of(complaint), null, routing, whistleId, level, by, now);
        return (new WhistleBlownResponse(whistleId),
            [new ComplaintWhistled(complaint.Id, whistleId, blown.Type, blown.Assignments.Select(a => a.Department).ToList(), by, now)],
            MartenOps.StartStream<Whistle>(whistleId, blown),
            messages);
    }

    /// <summary>
    /// The whistle's first event with every due time and the end of each department's rejection window, and their
    /// deadlines, for the case it is about and where it came from (<paramref name="origin"/>: null for a complaint's
    /// whistle, the resolution for a joint meeting's). The departments and type are the command's, else the catalogue's
    /// line for the case's category. <paramref name="replyDue"/>: a due time set by whoever dispatches the whistle (a
    /// meeting's resolution sets its deadline), replacing the policy's reply due time, its reminder as far before it as
    /// the policy's; null keeps the policy's. The assigned departments' officers are told; a department with no active
    /// officer is flagged, not refused.
    /// </summary>
    public static (WhistleBlown Blown, OutgoingMessages Deadlines) Start(
        BlowWhistle command, WhistleCase about, WhistleOrigin? origin, WhistleRouting routing, Guid whistleId, WhistleLevel level,
        Actor by, DateTimeOffset now, DateTimeOffset? replyDue = null)
    {
        var (_, routedLead, coHandling, type) = DispatchRoute.Of(routing.Catalogue, about.CategoryId, command.Type, command.Lead, command.CoHandling);
        var lead = routedLead!;
        var deadlines = WhistleDeadlines.Compute(type, now, routing.Policy, routing.Calendar);
        if (replyDue is { } due)
        {
            var reminder = due - (deadlines.ReplyDue - deadlines.ReplyReminder);
            deadlines = deadlines with { ReplyDue = due, ReplyReminder = reminder < now ? now : reminder };
        }
        var rejectionWindowEnd = WhistleWindows.RejectionWindowEnd(type, now, routing.Policy, routing.Calendar);
        var assignments = new[] { new AssignmentTerms(lead, AssignmentRole.Lead, deadlines, rejectionWindowEnd) }
            .Concat(coHandling.Select(d => new AssignmentTerms(d, AssignmentRole.CoHandling, deadlines, rejectionWindowEnd)))
            .ToList();
        var departments = assignments.Select(a => a.Department).ToList();
        var unstaffed = departments.Where(d => !routing.Staffed.Contains(d)).ToList();
        var blown = new WhistleBlown(
            whistleId, about.ComplaintId, about.ComplaintNumber, about.CategoryId, type, level, about.CommunityCode,
            about.SubDistrictCode, command.Need!.Trim(), assignments, routing.Catalogue?.Version ?? 0,
            command.DepartureReason?.Trim() is { Length: > 0 } reason ? reason : null, by, now,
            WhistleAudiences.Assigned(departments), unstaffed.Count == 0 ? null : unstaffed, origin);
        var messages = new OutgoingMessages();
        foreach (var a in assignments)
            messages.AddRange(WhistleRules.Schedule(whistleId, a.Department, a.Deadlines, DeadlineKind.SignFor, DeadlineKind.Reply));
        return (blown, messages);
    }
}

/// <summary>
/// What a whistle is about: the case behind it and where it sits. A complaint's whistle is about the complaint; a joint
/// meeting's whistle about the case of the agenda item's whistle, so the area's scope rules keep working.
/// </summary>
public sealed record WhistleCase(Guid ComplaintId, string ComplaintNumber, string CategoryId, string CommunityCode, string SubDistrictCode)
{
    public static WhistleCase Of(Complaint complaint) =>
        new(complaint.Id, complaint.Number, complaint.CategoryId, complaint.CommunityId, complaint.SubDistrictId);

    public static WhistleCase Of(Whistle whistle) =>
        new(whistle.ComplaintId, whistle.ComplaintNumber, whistle.CategoryId, whistle.CommunityCode, whistle.SubDistrictCode);
}
