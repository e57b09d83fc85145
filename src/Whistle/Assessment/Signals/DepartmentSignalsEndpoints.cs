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
    public static DepartmentSignalsView Of(DepartmentSignals doc) => new(doc.Department, doc.Month, SignalCounts.Of(doc.Signals), doc.Signals);
}

public sealed record MonthSignals(string Month, IReadOnlyList<DepartmentSignalsView> Departments);

public static class MonthSignalsQuery
{
    /// <summary>The scope, in SQL, as the scorecards' (<see cref="Scope.SeesScorecardOf"/>): a department officer its own department's, the county-wide readers all.</summary>
    public static IQueryable<DepartmentSignals> InScope(IQueryable<DepartmentSignals> query, Scope scope) => scope.Role switch
    {
        Roles.Office or Roles.Supervisor or Roles.Analyst or Roles.Admin => query,
        Roles.Department when scope.Department is { } department => query.Where(d => d.Department == department),
        _ => query.Where(_ => false),
    };

    /// <summary>Every department's signal counts for the month, for its scorecard (a department without a signal has none).</summary>
    public static async Task<IReadOnlyDictionary<string, SignalCounts>> CountsAsync(string month, IQuerySession session, CancellationToken ct) =>
        (await session.Query<DepartmentSignals>().Where(d => d.Month == month).ToListAsync(ct))
            .ToDictionary(d => d.Department, d => SignalCounts.Of(d.Signals), StringComparer.Ordinal);
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
        var docs = await MonthSignalsQuery.InScope(session.Query<DepartmentSignals>().Where(d => d.Month == month), Scope.Of(user)).ToListAsync(ct);
        return new MonthSignals(month, [.. docs.OrderBy(d => d.Department, StringComparer.Ordinal).Select(DepartmentSignalsView.Of)]);
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
        var doc = await session.LoadAsync<DepartmentSignals>(AssessmentMonth.Key(department, month), ct);
        if (doc is null && !await session.Query<Department>().AnyAsync(d => d.Code == department, ct)) return notFound;
        return Results.Json(DepartmentSignalsView.Of(doc ?? DepartmentSignals.Empty(AssessmentMonth.Key(department, month))));
    }
}
