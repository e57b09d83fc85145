using System.Security.Claims;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.Whistles;
using Wolverine.Http;

namespace Whistle.History.TimeTravel;

/// <summary>
/// A department's inbox as it read at a moment, from events only: the whistles assigned to the department by then
/// (blown on it, or moved to it by an upheld rejection), each folded as of the moment, through the live inbox's own
/// item building (<see cref="DepartmentInbox.Of"/>) with the moment as "now".
/// </summary>
public static class InboxAsOf
{
    public static async Task<DepartmentInbox> LoadAsync(IQuerySession session, string department, DateTimeOffset at, CancellationToken ct)
    {
        var whistles = new List<WhistleDetails>();
        foreach (var id in await WhistlesAssignedAsync(session, department, at, ct))
            if (await CaseTimeTravel.WhistleAsync(session, id, at, ct) is { } whistle) whistles.Add(whistle);
        return DepartmentInbox.Of(department, at, whistles);
    }

    /// <summary>
    /// Every whistle assigned to the department by the moment, whatever became of the assignment since. PostgreSQL
    /// keeps microseconds where the events' times have ticks, so the query looks a millisecond further and the fold
    /// (<see cref="CaseTimeTravel.WhistleAsync"/>, on the exact moments) leaves out what had not happened yet.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> WhistlesAssignedAsync(
        IQuerySession session, string department, DateTimeOffset at, CancellationToken ct) =>
        await session.AdvancedSql.QueryAsync<Guid>(
            $"""
             select distinct e.stream_id from {WhistleSchema.Name}.mt_events e
             where e.tenant_id = ? and e.type in ('whistle_blown', 'rejection_arbitrated')
               and (e.data -> 'assignments' @> ?::jsonb or e.data -> 'reassignment' ->> 'department' = ?)
               and {EventMoment.Sql("e")} <= ? + {EventMoment.SqlSlack}
             """,
            ct, session.TenantId, JsonSerializer.Serialize(new[] { new { department } }), department, at.ToUniversalTime());
}

public static class InboxAsOfEndpoint
{
    public static Task<DepartmentCodes> LoadAsync(IQuerySession session, CancellationToken ct) => DepartmentCodes.LoadAsync(session, ct);

    /// <summary>The live inbox's scope: officers their own department's, the roles that see every whistle every one.</summary>
    public static ProblemDetails Validate(string department, string? asOf, DepartmentCodes departments, ClaimsPrincipal user)
    {
        if (!departments.Contains(department) || !Scope.Of(user).SeesDepartment(department))
            return Problems.NotFound($"没有部门 {department} 的待办。", $"No inbox for {department}.");
        return string.IsNullOrWhiteSpace(asOf) || !TimePoint.TryReadMoment(asOf, out _)
            ? new FieldErrors().Add("asOf", "请给出有效的 ISO 8601 时间。Give an ISO 8601 time.").ToProblem()
            : Problems.None;
    }

    /// <summary>
    /// What the department's inbox showed at <c>asOf</c> (ISO 8601): its open assignments then, with <c>pastDue</c>
    /// read against that moment — identical to the live inbox read at that moment.
    /// </summary>
    [EndpointSummary("某一时点的部门待办 A department's inbox as of a moment")]
    [WolverineGet("/api/history/departments/{department}/inbox", OperationId = "GetDepartmentInboxAsOf")]
    public static Task<DepartmentInbox> Get(string department, string asOf, IQuerySession session, CancellationToken ct)
    {
        TimePoint.TryReadMoment(asOf, out var at);
        return InboxAsOf.LoadAsync(session, department, at, ct);
    }
}
