using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Assessment.Appeals;

public static class ScoreAppealQueries
{
    /// <summary>The appeals the user may see, in SQL: a department officer its own department's, the other readers all.</summary>
    public static IQueryable<ScoreAppealDetails> Visible(IQueryable<ScoreAppealDetails> query, Scope scope) => scope.Role switch
    {
        Roles.Department => query.Where(a => a.Department == scope.Department),
        Roles.Office or Roles.Supervisor or Roles.Analyst or Roles.Admin => query,
        _ => query.Where(_ => false),
    };
}

public static class ScoreAppealListEndpoint
{
    /// <summary>A month, when given, written yyyy-MM.</summary>
    public static ProblemDetails Validate(string? month) =>
        new FieldErrors().When(month is not null && !AssessmentMonth.IsValid(month), "month",
            $"月份应写作 yyyy-MM，如 2026-11（收到 {month}）。A month written yyyy-MM, e.g. 2026-11 (got {month}).").ToProblem();

    /// <summary>
    /// The score appeals (考核申诉), newest first, optionally of one month and one department: a department officer sees its
    /// own department's, the office, county supervisors, analysts and administrators all.
    /// </summary>
    /// <param name="month">the scorecard month, yyyy-MM.</param>
    /// <param name="department">a department's code.</param>
    /// <param name="user">the caller, whose scope bounds the list.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("考核申诉列表 The score appeals")]
    [WolverineGet("/api/assessment/appeals", OperationId = "ListScoreAppeals")]
    [Authorize(Roles = Scope.ScoreAppealReaders)]
    public static async Task<IReadOnlyList<ScoreAppealDetails>> Get(string? month, string? department, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var query = ScoreAppealQueries.Visible(session.Query<ScoreAppealDetails>(), Scope.Of(user));
        if (month is not null) query = query.Where(a => a.Month == month);
        if (department is not null) query = query.Where(a => a.Department == department);
        return await query.OrderByDescending(a => a.LodgedAt).ToListAsync(ct);
    }
}

public static class ScoreAppealDetailsEndpoint
{
    /// <summary>One score appeal; one outside the user's scope, or none, is 404.</summary>
    /// <param name="appealId">the appeal's id.</param>
    /// <param name="user">the caller, whose scope bounds what exists for them.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("查看考核申诉 One score appeal")]
    [WolverineGet("/api/assessment/appeals/{appealId}", OperationId = "GetScoreAppeal")]
    [Authorize(Roles = Scope.ScoreAppealReaders)]
    [ProducesResponseType<ScoreAppealDetails>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid appealId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await ScoreAppealQueries.Visible(session.Query<ScoreAppealDetails>(), Scope.Of(user)).Where(a => a.Id == appealId).FirstOrDefaultAsync(ct) is { } appeal
            ? Results.Json(appeal)
            : Results.Problem(Problems.NotFound($"没有申诉 {appealId}。", $"No score appeal {appealId}."));
}
