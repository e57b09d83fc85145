using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Assessment.Territories;

/// <summary>
/// One department and one sub-district, both ways: the sub-district's whistlers' ratings of the department (满意度, 1–5)
/// beside the department's ratings of the sub-district (合理 and 配合, 1–5 each). Means to two places, null over none.
/// </summary>
public sealed record TwoWayPair(
    string Department, int RatingsGiven, decimal? RatingGiven, int RatingsReceived, decimal? WellFounded, decimal? Cooperation,
    decimal? RatingReceived);

/// <summary>A sub-district's two-way assessment for the month: its totals both ways and one pair per department.</summary>
public sealed record TwoWaySubDistrict(
    string SubDistrict, int RatingsGiven, decimal? RatingGiven, int RatingsReceived, decimal? RatingReceived, IReadOnlyList<TwoWayPair> Departments)
{
    /// <summary>Both directions, read from the sub-district's cases: the complaints lodged there in the month and their whistles.</summary>
    public static TwoWaySubDistrict Of(string subDistrict, IReadOnlyCollection<AssessedCase> cases)
    {
        var given = cases.SelectMany(c => c.RatingsGiven).ToList();
        var received = cases.SelectMany(c => c.RatingsReceived).ToList();
        var pairs = given.Select(g => g.Department).Union(received.Select(r => r.Department)).Order(StringComparer.Ordinal)
            .Select(d =>
            {
                var to = given.Where(g => g.Department == d).ToList();
                var from = received.Where(r => r.Department == d).ToList();
                return new TwoWayPair(d, to.Count, TerritoryFigures.Mean(to.Select(g => (decimal)g.Score)), from.Count,
                    TerritoryFigures.Mean(from.Select(r => (decimal)r.WellFounded)), TerritoryFigures.Mean(from.Select(r => (decimal)r.Cooperation)),
                    TerritoryFigures.Mean(from.Select(r => r.Score)));
            })
            .ToList();
        return new TwoWaySubDistrict(subDistrict, given.Count, TerritoryFigures.Mean(given.Select(g => (decimal)g.Score)), received.Count,
            TerritoryFigures.Mean(received.Select(r => r.Score)), pairs);
    }
}

public sealed record TwoWayMonth(string Month, IReadOnlyList<TwoWaySubDistrict> SubDistricts);

public static class TwoWayAssessmentEndpoint
{
    public static ProblemDetails Validate(string month) => MonthAssessment.Check(month, null);

    /// <summary>
    /// The month's two-way cross assessment (双向交叉考核): per sub-district, the departments' ratings of it beside its
    /// ratings of the departments, over the complaints lodged there in the month. The office, supervisors, analysts and
    /// administrators see every sub-district; a sub-district officer its own (filtered in the query).
    /// </summary>
    /// <param name="month">the month, yyyy-MM in China time.</param>
    /// <param name="user">the caller, whose scope bounds the sub-districts.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("双向交叉考核 The two-way cross assessment for a month")]
    [WolverineGet("/api/assessment/two-way/{month}", OperationId = "GetTwoWayAssessment")]
    [Authorize(Roles = Scope.TwoWayAssessmentReaders)]
    [ProducesResponseType<TwoWayMonth>(StatusCodes.Status200OK)]
    public static Task<TwoWayMonth> Get(string month, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        ReadAsync(month, user, session, ct);

    /// <summary>The month's two-way assessment in the user's scope, as the endpoint and the two-way page read it.</summary>
    public static async Task<TwoWayMonth> ReadAsync(string month, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var scope = Scope.Of(user);
        if (!TerritoryScorecardsEndpoint.ReadsSubDistricts(scope)) return new TwoWayMonth(month, []);
        var cases = await TerritoryScorecardsEndpoint.InScope(session.Query<TerritoryCase>().Where(c => c.Month == month), scope).ToListAsync(ct);
        return new TwoWayMonth(month, [.. cases.GroupBy(c => c.SubDistrict).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => TwoWaySubDistrict.Of(g.Key, [.. g.OrderBy(c => c.LodgedSequence).Select(c => c.Case)]))]);
    }
}
