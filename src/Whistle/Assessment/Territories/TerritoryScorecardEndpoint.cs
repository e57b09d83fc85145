using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Assessment.Territories;

/// <summary>One territory's month as the reader sees it: its figures and the cases they are counted from.</summary>
public sealed record TerritoryScorecardView(
    string Level, string Code, string SubDistrict, string Month, TerritoryFigures Figures, IReadOnlyList<AssessedCase> Cases)
{
    /// <summary>
    /// The month's scorecards over its <see cref="TerritoryCase"/> documents (those in the reader's scope): one per
    /// sub-district (when <paramref name="subDistricts"/>, the reader seeing that level), then one per community, each in
    /// code order, each listing its cases in the order they were lodged. A community's scorecard names the sub-district of
    /// its latest lodged case. A territory with no case has no scorecard.
    /// </summary>
    public static IReadOnlyList<TerritoryScorecardView> Group(string month, IEnumerable<TerritoryCase> cases, bool subDistricts)
    {
        var lodged = cases.OrderBy(c => c.LodgedSequence).ToList();
        var views = new List<TerritoryScorecardView>();
        if (subDistricts)
            views.AddRange(lodged.GroupBy(c => c.SubDistrict).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Of(TerritoryLevel.SubDistrict, g.Key, g.Key, month, g)));
        views.AddRange(lodged.GroupBy(c => c.Community).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Of(TerritoryLevel.Community, g.Key, g.Last().SubDistrict, month, g)));
        return views;
    }

    private static TerritoryScorecardView Of(string level, string code, string subDistrict, string month, IEnumerable<TerritoryCase> cases)
    {
        List<AssessedCase> assessed = [.. cases.Select(c => c.Case)];
        return new TerritoryScorecardView(level, code, subDistrict, month, TerritoryFigures.Of(assessed), assessed);
    }
}

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
        var scope = Scope.Of(user);
        var query = InScope(session.Query<TerritoryCase>().Where(c => c.Month == month), scope);
        if (subDistrict is not null) query = query.Where(c => c.SubDistrict == subDistrict);
        var views = TerritoryScorecardView.Group(month, await query.ToListAsync(ct), ReadsSubDistricts(scope));
        return MonthAssessment.WantsCsv(format, request)
            ? Results.File(Csv.Write(CsvHeader, views.Select(Row)), Csv.ContentType, $"territory-scorecards-{month}.csv")
            : Results.Json(new MonthTerritories(month, views));
    }

    /// <summary>
    /// The scope, in SQL, over the cases the scorecards are grouped from: a sub-district officer the cases of its
    /// sub-district (its own scorecard and its communities'), a community worker its community's.
    /// </summary>
    public static IQueryable<TerritoryCase> InScope(IQueryable<TerritoryCase> query, Scope scope) => scope.Role switch
    {
        Roles.Office or Roles.Supervisor or Roles.Analyst or Roles.Admin => query,
        Roles.SubDistrict when scope.SubDistrict is { } subDistrict => query.Where(c => c.SubDistrict == subDistrict),
        Roles.Community when scope.Community is { } community => query.Where(c => c.Community == community),
        _ => query.Where(_ => false),
    };

    /// <summary>Whether the scope reads sub-districts' scorecards: a community worker reads its community's alone.</summary>
    public static bool ReadsSubDistricts(Scope scope) => scope.Role != Roles.Community;

    private static IReadOnlyList<object?> Row(TerritoryScorecardView v) =>
    [
        v.Month, v.Level, v.Code, v.SubDistrict, v.Figures.Cases, v.Figures.Whistled, v.Figures.WhistleRate, v.Figures.ResolvedWithoutWhistle,
        v.Figures.FollowUps, v.Figures.FollowUpsInTime, v.Figures.WhistlesConcluded, v.Figures.Ratings,
        v.Figures.RatedByDepartments, v.Figures.WellFounded, v.Figures.Cooperation, v.Figures.RatingFromDepartments,
    ];
}
