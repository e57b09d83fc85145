using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Assessment;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.History.Dashboards;

/// <summary>The month's department scorecards and ranking as they stood at the end of <see cref="AsOf"/> (China time), in the live endpoint's shape.</summary>
public sealed record MonthScorecardsAsOf(
    string Month, string AsOf, DateTimeOffset Through, int PolicyVersion, Whistle.County.Deadlines.AssessmentWeights Weights,
    IReadOnlyList<RankedDepartment> Ranking, IReadOnlyList<DepartmentScorecardView> Scorecards);

public static class ScorecardsAsOfEndpoint
{
    public static ProblemDetails Validate(string month, string? asOf) => AsOfDay.Check(new FieldErrors()
        .When(!AssessmentMonth.IsValid(month), "month", $"月份应写作 yyyy-MM，如 2026-11（收到 {month}）。A month written yyyy-MM, e.g. 2026-11 (got {month})."), asOf)
        .ToProblem();

    /// <summary>
    /// The month's department scorecards and ranking as they stood at the end of a county day (历史考核): the whistle,
    /// appeal, policy and department events up to then, folded by the scorecard projection's own logic and figured and
    /// ranked as the live endpoint does, under the weights of the deadline policy then in force and the department names
    /// then recorded. The live scorecards are neither read nor touched. Readers as the live scorecards: every reader sees
    /// the ranking, a department officer only its own full scorecard. The gaming signals are not replayed (null).
    /// </summary>
    /// <param name="month">the month, yyyy-MM in China time.</param>
    /// <param name="asOf">the day, yyyy-MM-dd in China time: the view stands at its last instant.</param>
    /// <param name="user">the caller, whose scope bounds the scorecards.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("某一时点的部门考核 The departments' scorecards as of a moment")]
    [WolverineGet("/api/history/assessment/departments/{month}", OperationId = "GetDepartmentScorecardsAsOf")]
    [Authorize(Roles = Scope.AssessmentReaders)]
    public static async Task<MonthScorecardsAsOf> Get(string month, string asOf, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var through = AsOfDay.EndOf(AsOfDay.Parse(asOf));
        var history = MonthReplay.Replay(month, await PastEvents.ReadAsync(session, MonthReplay.EventTypes, through, ct));
        var scorecards = MonthAssessment.Compose(month, Scope.Of(user), history.Policy, history.Departments, history.Cards, null, _ => null);
        return new MonthScorecardsAsOf(month, asOf, through, scorecards.PolicyVersion, scorecards.Weights, scorecards.Ranking, scorecards.Scorecards);
    }
}
