using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Assessment.Appeals;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Assessment;

public static class ScorecardFigureEventsEndpoint
{
    /// <summary>A well-formed month, and a figure the scorecard has.</summary>
    public static ProblemDetails Validate(string month, string? figure) => new FieldErrors()
        .When(!AssessmentMonth.IsValid(month), "month", $"月份应写作 yyyy-MM，如 2026-11（收到 {month}）。A month written yyyy-MM, e.g. 2026-11 (got {month}).")
        .When(figure is null || !FigureTraces.Figures.ContainsKey(figure), "figure",
            $"指标为 {string.Join("、", FigureTraces.Figures.Keys)} 之一。One of {string.Join(", ", FigureTraces.Figures.Keys)}.")
        .ToProblem();

    /// <summary>
    /// The events behind one figure of a department's scorecard (as corrected by upheld appeals): the assignments it
    /// counts, and for each the stream events the scorecard folded (whistle id, version, sequence, type, time), so that
    /// recomputing the figure from them gives the same number. Scope as the scorecard: another department's is 404 for
    /// a department officer.
    /// </summary>
    /// <param name="month">the month, yyyy-MM in China time.</param>
    /// <param name="department">the department's code.</param>
    /// <param name="figure">due, missedDeadlines, signedForInTime, repliedInTime, overdue, rejectionsUpheld, rejectionsOverruled, rated, satisfied or basicallySatisfied.</param>
    /// <param name="user">the caller, whose scope bounds the scorecards.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("考核数字背后的事件 The events behind a scorecard figure")]
    [WolverineGet("/api/assessment/departments/{month}/{department}/events", OperationId = "GetScorecardFigureEvents")]
    [Authorize(Roles = Scope.AssessmentReaders)]
    [ProducesResponseType<FigureTrace>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string month, string department, string figure, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!Scope.Of(user).SeesScorecardOf(department) || !await session.Query<Department>().AnyAsync(d => d.Code == department, ct))
            return Results.Problem(Problems.NotFound($"没有部门 {department}。", $"No department {department}."));
        var card = DepartmentScorecard.Of(department, month,
            await session.Query<ScoredAssignment>().Where(a => a.Department == department && a.Month == month).ToListAsync(ct));
        var counts = FigureTraces.Figures[figure];
        var appeals = await session.Query<ScoreAppealDetails>().Where(a => a.Department == department && a.Month == month).ToListAsync(ct);
        var traced = new List<TracedAssignment>();
        foreach (var assignment in card.Assignments.Where(a => counts(a) > 0))
        {
            var streams = new[] { assignment.WhistleId }.Concat(appeals.Where(a => a.WhistleId == assignment.WhistleId).Select(a => a.Id));
            var events = new List<TracedEvent>();
            foreach (var stream in streams)
                events.AddRange((await session.Events.FetchStreamAsync(stream, token: ct))
                    .Where(e => FigureTraces.Concerns(e.Data, assignment.WhistleId, department))
                    .Select(e => new TracedEvent(stream, e.Version, e.Sequence, e.EventTypeName, e.Timestamp)));
            traced.Add(new TracedAssignment(assignment.WhistleId, counts(assignment), [.. events.OrderBy(e => e.Sequence)]));
        }
        return Results.Json(new FigureTrace(department, month, figure, traced.Sum(t => t.Counts), traced));
    }
}
