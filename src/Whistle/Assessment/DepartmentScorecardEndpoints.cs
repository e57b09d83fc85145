using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Assessment;

/// <summary>
/// The dashboard's filters: <see cref="SubDistrict"/> counts only the assignments on whistles blown in that sub-district
/// (and ranks the departments on them); <see cref="Department"/> shows only that department's row and scorecard, with its
/// county-wide rank.
/// </summary>
public sealed record MonthFilter(string? SubDistrict = null, string? Department = null)
{
    public static readonly MonthFilter None = new();

    /// <summary>400 naming the field of a code the county's directory does not have.</summary>
    public async Task<ProblemDetails> CheckAsync(IQuerySession session, CancellationToken ct) => new FieldErrors()
        .When(SubDistrict is { } s && !await session.Query<global::Whistle.County.Directory.SubDistrict>().AnyAsync(x => x.Code == s, ct), "subDistrict",
            $"没有编码为 {SubDistrict} 的街道。No sub-district {SubDistrict}.")
        .When(Department is { } d && !await session.Query<global::Whistle.County.Directory.Department>().AnyAsync(x => x.Code == d, ct), "department",
            $"没有编码为 {Department} 的部门。No department {Department}.")
        .ToProblem();
}

/// <summary>The month's scorecards as the reader may see them: every department ranked, the full scorecards in scope.</summary>
public static class MonthAssessment
{
    public static async Task<MonthScorecards> LoadAsync(string month, Scope scope, IQuerySession session, MonthFilter? filter, CancellationToken ct)
    {
        var policy = await DeadlinePolicy.CurrentAsync(session, ct);
        var departments = (await session.Query<Department>().ToListAsync(ct)).ToDictionary(d => d.Code, d => d.Info.Name, StringComparer.Ordinal);
        var cards = DepartmentScorecard.OfMonth(month, await session.Query<ScoredAssignment>().Where(a => a.Month == month).ToListAsync(ct));
        // The gaming signals stand beside the score, never in it.
        var signals = await Signals.MonthSignalsQuery.CountsAsync(month, session, ct);
        return Compose(month, scope, policy, departments, cards, filter, code => signals.GetValueOrDefault(code, Signals.SignalCounts.None));
    }

    /// <summary>
    /// The month's figures, ranking and visible scorecards from the scorecards and the directory's departments (code →
    /// name), under <paramref name="policy"/>'s weights. Pure: the live endpoint and the history's as-of view both call it.
    /// </summary>
    public static MonthScorecards Compose(
        string month, Scope scope, DeadlinePolicy policy, IReadOnlyDictionary<string, string> departments,
        IReadOnlyDictionary<string, DepartmentScorecard> cards, MonthFilter? filter, Func<string, Signals.SignalCounts?> signalsOf)
    {
        filter ??= MonthFilter.None;
        IReadOnlyList<AssessedAssignment> AssignmentsOf(string code) =>
            [.. (cards.GetValueOrDefault(code)?.Assignments ?? []).Where(a => filter.SubDistrict is null || a.SubDistrict == filter.SubDistrict)];
        var figures = departments.Keys.Union(cards.Keys)
            .Select(code => (Code: code, Name: departments.GetValueOrDefault(code, code),
                Figures: ScorecardFigures.Of([.. AssignmentsOf(code)], policy.Assessment), Assignments: AssignmentsOf(code)))
            .ToList();
        var ranking = DepartmentRanking.Rank(figures.Select(f => (f.Code, f.Name, f.Figures)))
            .Where(r => filter.Department is null || r.Department == filter.Department).ToList();
        var visible = figures.Where(f => scope.SeesScorecardOf(f.Code) && (filter.Department is null || f.Code == filter.Department))
            .Select(f => new DepartmentScorecardView(f.Code, f.Name, month, ranking.First(r => r.Department == f.Code).Rank, f.Figures,
                policy.Version, policy.Assessment, f.Assignments, ScorecardFigures.Original([.. f.Assignments], policy.Assessment),
                signalsOf(f.Code)))
            .OrderBy(v => ranking.ToList().FindIndex(r => r.Department == v.Department))
            .ToList();
        return new MonthScorecards(month, policy.Version, policy.Assessment, ranking, visible);
    }

    /// <summary>A malformed month is 400; the format, when given, is json or csv.</summary>
    public static ProblemDetails Check(string month, string? format)
    {
        var errors = new FieldErrors()
            .When(!AssessmentMonth.IsValid(month), "month", $"月份应写作 yyyy-MM，如 2026-11（收到 {month}）。A month written yyyy-MM, e.g. 2026-11 (got {month}).")
            .When(format is not (null or "json" or "csv"), "format", "格式为 json 或 csv。The format is json or csv.");
        return errors.ToProblem();
    }

    /// <summary>CSV when asked by <c>?format=csv</c> or by <c>Accept: text/csv</c>; JSON otherwise.</summary>
    public static bool WantsCsv(string? format, HttpRequest request) =>
        format == "csv" || (format is null && request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true));

    public static IResult Csv(MonthScorecards month, IReadOnlyList<RankedDepartment> ranking, string fileName) =>
        Results.File(ScorecardCsv.Write(month.Month, month.PolicyVersion, ranking, month.Scorecards), global::Whistle.Assessment.Csv.ContentType, fileName);
}

public static class DepartmentScorecardsEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        string month, string? format, string? subDistrict, string? department, IQuerySession session, CancellationToken ct) =>
        MonthAssessment.Check(month, format) is var problem && problem != Problems.None ? problem : await new MonthFilter(subDistrict, department).CheckAsync(session, ct);

    /// <summary>
    /// The month's department scorecards (部门月度考核) with the ranking by score. Every reader sees the whole ranking; a
    /// department officer only its own full scorecard, the office, supervisors, analysts and administrators all.
    /// <c>?format=csv</c> or <c>Accept: text/csv</c> exports the ranking as CSV (UTF-8 with BOM).
    /// </summary>
    /// <param name="month">the month, yyyy-MM in China time.</param>
    /// <param name="format">json (the default) or csv.</param>
    /// <param name="subDistrict">only the assignments on whistles blown in this sub-district (code), ranked among themselves.</param>
    /// <param name="department">only this department's row and scorecard (code), with its county-wide rank.</param>
    /// <param name="request">the request, whose Accept header may ask for CSV.</param>
    /// <param name="user">the caller, whose scope bounds the scorecards.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("部门月度考核排名 The departments' scorecards for a month")]
    [WolverineGet("/api/assessment/departments/{month}", OperationId = "GetDepartmentScorecards")]
    [Authorize(Roles = Scope.AssessmentReaders)]
    [ProducesResponseType<MonthScorecards>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        string month, string? format, string? subDistrict, string? department, HttpRequest request, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var scorecards = await MonthAssessment.LoadAsync(month, Scope.Of(user), session, new MonthFilter(subDistrict, department), ct);
        return MonthAssessment.WantsCsv(format, request)
            ? MonthAssessment.Csv(scorecards, scorecards.Ranking, $"department-scorecards-{month}.csv")
            : Results.Json(scorecards);
    }
}

public static class DepartmentScorecardEndpoint
{
    public static ProblemDetails Validate(string month, string? format) => MonthAssessment.Check(month, format);

    /// <summary>
    /// One department's scorecard for the month, with its rank. An unknown department is 404, and so is another
    /// department's for a department officer (outside its scope, it does not exist for it).
    /// <c>?format=csv</c> or <c>Accept: text/csv</c> exports it as one CSV row (UTF-8 with BOM).
    /// </summary>
    /// <param name="month">the month, yyyy-MM in China time.</param>
    /// <param name="department">the department's code.</param>
    /// <param name="format">json (the default) or csv.</param>
    /// <param name="request">the request, whose Accept header may ask for CSV.</param>
    /// <param name="user">the caller, whose scope bounds the scorecards.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("部门月度考核表 One department's scorecard")]
    [WolverineGet("/api/assessment/departments/{month}/{department}", OperationId = "GetDepartmentScorecard")]
    [Authorize(Roles = Scope.AssessmentReaders)]
    [ProducesResponseType<DepartmentScorecardView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        string month, string department, string? format, HttpRequest request, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (await ReadAsync(month, department, user, session, ct) is not { } scorecard)
            return Results.Problem(Problems.NotFound($"没有部门 {department}。", $"No department {department}."));
        return MonthAssessment.WantsCsv(format, request)
            ? MonthAssessment.Csv(scorecard, scorecard.Ranking, $"department-scorecard-{department}-{month}.csv")
            : Results.Json(scorecard.Scorecards[0]);
    }

    /// <summary>
    /// The month narrowed to one department, as the endpoint and the scorecard page read it: its ranking row and its full
    /// scorecard (county-wide rank). Null where the API answers 404: an unknown department, or another department's
    /// scorecard for a department officer.
    /// </summary>
    public static async Task<MonthScorecards?> ReadAsync(string month, string department, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var scorecards = await MonthAssessment.LoadAsync(month, Scope.Of(user), session, null, ct);
        return scorecards.Scorecards.FirstOrDefault(s => s.Department == department) is { } view
            ? scorecards with { Ranking = [.. scorecards.Ranking.Where(r => r.Department == department)], Scorecards = [view] }
            : null;
    }
}
