using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Assessment.Territories;

/// <summary>One territory's month as the reader sees it: its figures and the cases they are counted from.</summary>
public sealed record TerritoryScorecardView(
    string Level, string Code, string SubDistrict, string Month, TerritoryFigures Figures, IReadOnlyList<AssessedCase> Cases);

public sealed record MonthTerritories(string Month, IReadOnlyList<TerritoryScorecardView> Territories);

public static class TerritoryScorecardsEndpoint
{
    public static readonly IReadOnlyList<string> CsvHeader =
    [
        "月份 month", "层级 level", "代码 code", "所属街道 sub-district", "案件数 cases", "吹哨数 whistled", "吹哨率 whistle rate",
        "未吹哨办结 resolved without a whistle", "回访 follow-ups", "按时回访 follow-ups in time", "吹哨办结 whistles concluded",
        "部门评价 ratings", "部门评价属地 rated by departments", "合理 well-founded", "配合 cooperation", "部门评分 rating from departments",
    ];

    public static async Task<ProblemDetails> ValidateAsync(string month, string? format, string? subDistrict, IQuerySession session, CancellationToken ct) =>
        MonthAssessment.Check(month, format) is var problem && problem != Problems.None ? problem : await new MonthFilter(subDistrict).CheckAsync(session, ct);

    /// <summary>
    /// The month's territory scorecards (社区、街道月度考核): every sub-district, then every community, with a complaint
    /// lodged in the month. The office, supervisors, analysts and administrators see all; a sub-district officer its own
    /// sub-district and its communities; a community worker its own community (filtered in the query).
    /// <c>?format=csv</c> or <c>Accept: text/csv</c> exports them as CSV (UTF-8 with BOM).
    /// </summary>
    /// <param name="month">the month, yyyy-MM in China time.</param>
    /// <param name="format">json (the default) or csv.</param>
    /// <param name="subDistrict">only this sub-district's scorecard and its communities' (code).</param>
    /// <param name="request">the request, whose Accept header may ask for CSV.</param>
    /// <param name="user">the caller, whose scope bounds the scorecards.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("街道、社区月度考核 The territories' scorecards for a month")]
    [WolverineGet("/api/assessment/territories/{month}", OperationId = "GetTerritoryScorecards")]
    [Authorize(Roles = Scope.TerritoryAssessmentReaders)]
    [ProducesResponseType<MonthTerritories>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        string month, string? format, string? subDistrict, HttpRequest request, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var query = InScope(session.Query<TerritoryScorecard>().Where(c => c.Month == month), Scope.Of(user));
        if (subDistrict is not null) query = query.Where(c => c.SubDistrict == subDistrict);
        var cards = await query.ToListAsync(ct);
        var views = cards
            .OrderBy(c => c.Level == TerritoryLevel.SubDistrict ? 0 : 1).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new TerritoryScorecardView(c.Level, c.Code, c.SubDistrict, c.Month, TerritoryFigures.Of(c.Cases), c.Cases))
            .ToList();
        return MonthAssessment.WantsCsv(format, request)
            ? Results.File(Csv.Write(CsvHeader, views.Select(Row)), Csv.ContentType, $"territory-scorecards-{month}.csv")
            : Results.Json(new MonthTerritories(month, views));
    }

    /// <summary>The scope, in SQL: a sub-district officer the scorecards naming its sub-district, a community worker its community's.</summary>
    public static IQueryable<TerritoryScorecard> InScope(IQueryable<TerritoryScorecard> query, Scope scope) => scope.Role switch
    {
        Roles.Office or Roles.Supervisor or Roles.Analyst or Roles.Admin => query,
        Roles.SubDistrict when scope.SubDistrict is { } subDistrict => query.Where(c => c.SubDistrict == subDistrict),
        Roles.Community when scope.Community is { } community => query.Where(c => c.Level == TerritoryLevel.Community && c.Code == community),
        _ => query.Where(_ => false),
    };

    private static IReadOnlyList<object?> Row(TerritoryScorecardView v) =>
    [
        v.Month, v.Level, v.Code, v.SubDistrict, v.Figures.Cases, v.Figures.Whistled, v.Figures.WhistleRate, v.Figures.ResolvedWithoutWhistle,
        v.Figures.FollowUps, v.Figures.FollowUpsInTime, v.Figures.WhistlesConcluded, v.Figures.Ratings,
        v.Figures.RatedByDepartments, v.Figures.WellFounded, v.Figures.Cooperation, v.Figures.RatingFromDepartments,
    ];
}
