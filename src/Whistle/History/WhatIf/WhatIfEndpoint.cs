using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Assessment;
using Whistle.County.Calendar;
using Whistle.History.Dashboards;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.History.WhatIf;

public static class WhatIfEndpoint
{
    /// <summary>A malformed month, weights that do not sum to 100 or a non-positive interval: 400 naming the field.</summary>
    public static ProblemDetails Validate(string month, WhatIfPolicy policy) => policy.Check(new FieldErrors()
        .When(!AssessmentMonth.IsValid(month), "month", $"月份应写作 yyyy-MM，如 2026-11（收到 {month}）。A month written yyyy-MM, e.g. 2026-11 (got {month})."))
        .ToProblem();

    /// <summary>
    /// The month's department scorecards re-scored under another weighting and/or other sign-for and reply intervals
    /// (模拟考核), side by side with the official ranking, each department's difference in score, rank and rates, and the
    /// assignments judged otherwise with the event that decides each. Computed from the events; nothing is written.
    /// Readers as the scorecards: a department officer sees every department's difference but only its own explanations.
    /// </summary>
    /// <param name="month">the month, yyyy-MM in China time.</param>
    /// <param name="policy">the other weights and intervals.</param>
    /// <param name="now">the business time an unanswered assignment is judged at.</param>
    /// <param name="user">the caller, whose scope bounds the explanations.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("模拟考核 What-if scorecards")]
    [WolverinePost("/api/history/what-if/departments/{month}", OperationId = "WhatIfDepartmentScorecards")]
    [Authorize(Roles = Scope.AssessmentReaders)]
    public static async Task<WhatIfComparison> Post(
        string month, WhatIfPolicy policy, DateTimeOffset now, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var history = MonthReplay.Replay(month, await PastEvents.ReadAsync(session, MonthReplay.EventTypes, DateTimeOffset.MaxValue, ct));
        var calendar = (await CountyCalendar.CurrentAsync(session, ct)).ToWorkingCalendar();
        var scope = Scope.Of(user);
        return WhatIfScoring.Compare(history, policy.Apply(history.Policy), calendar, now, scope.SeesScorecardOf);
    }
}
