using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Assessment.Signals;

/// <summary>A department's signals for the month as the reader sees them: the counts, and every signal with its events.</summary>
public sealed record DepartmentSignalsView(string Department, string Month, SignalCounts Counts, IReadOnlyList<GamingSignal> Signals)
{
    /// <summary>
    /// One department's month from its assignments of the month (<see cref="WatchedAssignment"/>): every signal found on
    /// them, in the order found (the finding event's place in the event store; the signals one event finds, assignment by
    /// assignment in the order they were given, each assignment's in the order it found them).
    /// </summary>
    public static DepartmentSignalsView Compose(string department, string month, IEnumerable<WatchedAssignment> assignments)
    {
        List<GamingSignal> signals =
        [
            .. assignments
                .SelectMany(a => a.Signals.Select((found, index) => (found, a.GivenSequence, index)))
                .OrderBy(s => s.found.Sequence).ThenBy(s => s.GivenSequence).ThenBy(s => s.index)
                .Select(s => s.found.Signal),
        ];
        return new(department, month, SignalCounts.Of(signals), signals);
    }

    /// <summary>The month's departments (code order), each composed from its assignments among <paramref name="assignments"/>.</summary>
    public static IReadOnlyList<DepartmentSignalsView> Compose(string month, IEnumerable<string> departments, IEnumerable<WatchedAssignment> assignments)
    {
        var byDepartment = assignments.ToLookup(a => a.Department, StringComparer.Ordinal);
        return [.. departments.Distinct().Order(StringComparer.Ordinal).Select(d => Compose(d, month, byDepartment[d]))];
    }
}

public sealed record MonthSignals(string Month, IReadOnlyList<DepartmentSignalsView> Departments);

public static class MonthSignalsQuery
{
    /// <summary>The scope, in SQL, as the scorecards' (<see cref="Scope.SeesScorecardOf"/>): a department officer its own department's, the county-wide readers all.</summary>
    public static IQueryable<WatchedAssignment> InScope(IQueryable<WatchedAssignment> query, Scope scope) => scope.Role switch
    {
        Roles.Office or Roles.Supervisor or Roles.Analyst or Roles.Admin => query,
        Roles.Department when scope.Department is { } department => query.Where(d => d.Department == department),
        _ => query.Where(_ => false),
    };

    /// <summary>The month's assignments on which a signal was found (the others add nothing to a view but the department's name).</summary>
    public static IQueryable<WatchedAssignment> Flagged(IQuerySession session, string month) =>
        session.Query<WatchedAssignment>().Where(a => a.Month == month && a.Signals.Any());

    /// <summary>Every department's signal counts for the month, for its scorecard (a department without a signal has none).</summary>
    public static async Task<IReadOnlyDictionary<string, SignalCounts>> CountsAsync(string month, IQuerySession session, CancellationToken ct) =>
        (await Flagged(session, month).ToListAsync(ct)).GroupBy(a => a.Department, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => DepartmentSignalsView.Compose(g.Key, month, g).Counts, StringComparer.Ordinal);
}

public static class MonthSignalsEndpoint
{
    public static ProblemDetails Validate(string month) => MonthAssessment.Check(month, null);

    /// <summary>
    /// The month's gaming signals per department (sign-for then reject, rejecting again, last-minute replies returned,
    /// complaints reopened soon after closure), each with the events behind it; shown beside the scores, never in them.
    /// A department officer sees its own department's only; the office, supervisors, analysts and administrators all.
    /// </summary>
    /// <param name="month">the month, yyyy-MM in China time.</param>
    /// <param name="user">the caller, whose scope bounds the departments.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("各部门异常信号 The departments' gaming signals for a month")]
    [WolverineGet("/api/assessment/departments/{month}/signals", OperationId = "GetDepartmentSignals")]
    [Authorize(Roles = Scope.AssessmentReaders)]
    [ProducesResponseType<MonthSignals>(StatusCodes.Status200OK)]
    public static async Task<MonthSignals> Get(string month, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var scope = Scope.Of(user);
        // Every department with an assignment in the month is listed, with or without a signal.
        var departments = await MonthSignalsQuery.InScope(session.Query<WatchedAssignment>().Where(a => a.Month == month), scope)
            .Select(a => a.Department).Distinct().ToListAsync(ct);
        var flagged = await MonthSignalsQuery.InScope(MonthSignalsQuery.Flagged(session, month), scope).ToListAsync(ct);
        return new MonthSignals(month, DepartmentSignalsView.Compose(month, departments, flagged));
    }
}

public static class DepartmentSignalsEndpoint
{
    public static ProblemDetails Validate(string month) => MonthAssessment.Check(month, null);

    /// <summary>
    /// One department's gaming signals for the month. An unknown department is 404, and so is another department's for
    /// a department officer (outside its scope, it does not exist for it); a known department without a signal has none.
    /// </summary>
    /// <param name="month">the month, yyyy-MM in China time.</param>
    /// <param name="department">the department's code.</param>
    /// <param name="user">the caller, whose scope bounds the departments.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("一个部门的异常信号 One department's gaming signals")]
    [WolverineGet("/api/assessment/departments/{month}/{department}/signals", OperationId = "GetDepartmentSignalsOfOne")]
    [Authorize(Roles = Scope.AssessmentReaders)]
    [ProducesResponseType<DepartmentSignalsView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string month, string department, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var notFound = Results.Problem(Problems.NotFound($"没有部门 {department}。", $"No department {department}."));
        if (!Scope.Of(user).SeesScorecardOf(department)) return notFound;
        var flagged = await MonthSignalsQuery.Flagged(session, month).Where(a => a.Department == department).ToListAsync(ct);
        if (flagged.Count == 0
            && !await session.Query<WatchedAssignment>().AnyAsync(a => a.Month == month && a.Department == department, ct)
            && !await session.Query<Department>().AnyAsync(d => d.Code == department, ct)) return notFound;
        return Results.Json(DepartmentSignalsView.Compose(department, month, flagged));
    }
}
