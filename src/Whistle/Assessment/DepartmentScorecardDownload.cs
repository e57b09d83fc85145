using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Assessment;

/// <summary>
/// The scorecard page's CSV download: the API's own export (GET /api/assessment/departments/{month}/{department}?format=csv)
/// for the page's cookie session, which /api does not accept. Same read (<see cref="DepartmentScorecardEndpoint.ReadAsync"/>),
/// same file, same 404 outside the reader's scope; not part of the API's description.
/// </summary>
public static class DepartmentScorecardDownloadEndpoint
{
    public static string Path(string month, string department) => $"/assessment/exports/{month}/{Uri.EscapeDataString(department)}";

    public static ProblemDetails Validate(string month) => MonthAssessment.Check(month, null);

    [WolverineGet("/assessment/exports/{month}/{department}", OperationId = "DownloadDepartmentScorecard")]
    [ExcludeFromDescription]
    public static async Task<IResult> Get(string month, string department, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await DepartmentScorecardEndpoint.ReadAsync(month, department, user, session, ct) is { } scorecard
            ? MonthAssessment.Csv(scorecard, scorecard.Ranking, $"department-scorecard-{department}-{month}.csv")
            : Results.Problem(Problems.NotFound($"没有部门 {department}。", $"No department {department}."));
}
