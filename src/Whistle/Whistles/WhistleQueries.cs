using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Whistles;

public static class WhistleDetailsEndpoint
{
    public static Task<WhistleDetails?> LoadAsync(Guid whistleId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<WhistleDetails>(whistleId, ct);

    public static ProblemDetails Validate(Guid whistleId, WhistleDetails? details, ClaimsPrincipal user) =>
        details is not null && Scope.Of(user).Sees(WhistleDetails.Fields, details) ? Problems.None : WhistleRules.NotFound(whistleId);

    [EndpointSummary("查看吹哨 One whistle")]
    [EndpointDescription("一次吹哨：层级、各部门的派单、签收与答复及其时限。One whistle: its level, each department's assignment, sign-for and reply, and their due times.")]
    [WolverineGet("/api/whistles/{whistleId}", OperationId = "GetWhistle")]
    public static WhistleDetails Get(WhistleDetails details) => details;
}

public static class WhistleListEndpoint
{
    /// <summary>A level is named (<c>JointMeeting</c>), never numbered: the numbers are storage, not the contract.</summary>
    public static ProblemDetails Validate(string? level) =>
        level is null || LevelNamed(level) is not null
            ? Problems.None
            : new FieldErrors().Add("level", $"应为 {string.Join("/", Enum.GetNames<WhistleLevel>())} 之一。Unknown level {level}.").ToProblem();

    private static WhistleLevel? LevelNamed(string level) =>
        Enum.GetNames<WhistleLevel>().FirstOrDefault(n => n.Equals(level, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<WhistleLevel>(name)
            : null;

    /// <summary>
    /// Whistles, newest first, as far as scope reaches (in the query): community and sub-district workers their own
    /// area's, department officers those ever assigned to their department, the county-wide roles all. Filters, each
    /// in the query: <c>open=true</c> keeps those not concluded (<c>false</c> the concluded); <c>level</c> keeps
    /// those now at that level, by name: <c>Community</c>, <c>SubDistrict</c>, <c>JointMeeting</c> or
    /// <c>CountySupervision</c> (any other value is 400); <c>overdue=true</c> keeps those where a department that
    /// still holds its assignment (not reassigned away) missed a due time, <c>false</c> those where none did.
    /// </summary>
    /// <param name="open">true: not concluded; false: concluded.</param>
    /// <param name="level">the whistle's current level, by name: Community, SubDistrict, JointMeeting, CountySupervision.</param>
    /// <param name="overdue">true: a department still assigned missed a due time; false: none did.</param>
    /// <param name="user">the caller, whose scope bounds the list.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("吹哨列表 The whistles")]
    [WolverineGet("/api/whistles", OperationId = "ListWhistles")]
    [Authorize(Roles = Scope.WhistleReaders)]
    public static async Task<IReadOnlyList<WhistleDetails>> Get(
        bool? open, string? level, bool? overdue, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var query = Scope.Of(user).Filter(session.Query<WhistleDetails>(), WhistleDetails.Fields);
        if (open is { } isOpen) query = query.Where(x => x.Concluded != isOpen);
        if (level is not null && LevelNamed(level) is { } wanted) query = query.Where(x => x.Level == wanted);
        if (overdue is true)
            query = query.Where(x => x.Assignments.Any(a => a.Overdue && a.Status != AssignmentStatus.Reassigned));
        if (overdue is false)
            query = query.Where(x => !x.Assignments.Any(a => a.Overdue && a.Status != AssignmentStatus.Reassigned));
        return await query.OrderByDescending(x => x.BlownAt).Take(200).ToListAsync(ct);
    }
}
