using Alba;
using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Appeals;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Wolverine;

namespace Whistle.IntegrationTests.Assessment;

/// <summary>
/// The invariant "every figure can be traced to the events behind it, and recomputing from them gives the same figure":
/// for each figure, the listed events, read back from the store and folded by the scorecard's own fold, give the
/// scorecard's number.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class ScorecardFigureEventsEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    private static readonly string[] Figures =
        ["due", "missedDeadlines", "signedForInTime", "repliedInTime", "overdue", "rejectionsUpheld", "rejectionsOverruled", "rated", "satisfied", "basicallySatisfied"];

    /// <summary>
    /// A month with something in most figures: 公安 signs for and replies in time; 城管 misses its sign-for, appeals
    /// the miss and has it upheld.
    /// </summary>
    private async Task<(string Month, Guid Whistle)> AMonth(string county)
    {
        var complaint = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/accept", Empty, county: county);
        IScenarioResult result = null!;
        var blown = await AfterDaemon(async () => result = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle",
            new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county));
        var whistle = (await result.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty, county: county);
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/reply", new ReplyToAssignment("已清理占道车辆并张贴告示。"), county: county);
        var miss = blown.DeadlinesOf(whistle).Single(m => m.Kind == DeadlineKind.SignFor && m.Department == "chengguan");
        App.Clock.Advance(TimeSpan.FromHours(25));
        await Host.MessageBus().InvokeForTenantAsync(county, miss);
        var lodged = await Post(Tokens.Chengguan, "/api/assessment/appeals", new LodgeScoreAppeal(whistle, "平台故障。", DeadlineKind.SignFor, miss.DueAt), 201, county);
        var appealId = (await lodged.ReadAsJsonAsync<ScoreAppealLodgedResponse>())!.AppealId;
        await AfterDaemon(() => Post(Tokens.Office, $"/api/assessment/appeals/{appealId}/rule", new RuleOnScoreAppeal(AppealRuling.Upheld, "属实。"), county: county));
        return (AssessmentMonth.Of(miss.DueAt), whistle);
    }

    [Fact]
    public async Task recomputing_every_figure_from_the_listed_events_gives_the_scorecards_figure()
    {
        var county = await App.NewCountyAsync();
        var (month, whistle) = await AMonth(county);

        foreach (var department in new[] { "gongan", "chengguan" })
        {
            var card = await Get<DepartmentScorecardView>(Tokens.Office, $"/api/assessment/departments/{month}/{department}", county);
            foreach (var figure in Figures)
            {
                var trace = await Get<FigureTrace>(Tokens.Office, $"/api/assessment/departments/{month}/{department}/events?figure={figure}", county);
                var listed = trace.Assignments.SelectMany(a => a.Events).OrderBy(e => e.Sequence).ToList();
                var data = new List<object>();
                foreach (var e in listed)
                    data.Add((await EventsOf(e.StreamId, county)).Single(s => s.Version == e.Version && s.Sequence == e.Sequence).Data);
                // Folded as the daemon folds them: each event into its assignments' documents, then composed as a read composes them.
                var scored = new Dictionary<string, ScoredAssignment>();
                foreach (var (e, i) in data.Select((e, i) => (e, i)))
                    foreach (var key in ScoredAssignmentProjection.KeysOf(e))
                        if (ScoredAssignment.Next(scored.GetValueOrDefault(key), key, e, i + 1) is { } next) scored[key] = next;
                var recomputed = DepartmentScorecard.Of(department, month, scored.Values);

                var expected = Figure(card.Figures, figure);
                trace.Value.ShouldBe(expected, $"{department} {figure}");
                Figure(ScorecardFigures.Of(recomputed.Assignments, AssessmentWeights.Default), figure).ShouldBe(expected, $"{department} {figure}");
            }
        }
        // 城管's one assignment, due: its blowing, its miss (and the escalation it set off), the appeal and its ruling.
        var missed = await Get<FigureTrace>(Tokens.Office, $"/api/assessment/departments/{month}/chengguan/events?figure=due", county);
        var types = missed.Assignments.ShouldHaveSingleItem().Events.Select(e => e.Type).ToList();
        types[0].ShouldBe("whistle_blown");
        types.ShouldContain("assignment_overdue");
        types[^2..].ShouldBe(["score_appeal_lodged", "score_appeal_ruled"]);
        types.ShouldNotContain("assignment_signed_for");
        missed.Assignments.Single().WhistleId.ShouldBe(whistle);
    }

    [Fact]
    public async Task an_unknown_figure_or_malformed_month_is_400_another_departments_trace_404_for_an_officer()
    {
        var result = await Send(Tokens.Office, x => x.Get.Url("/api/assessment/departments/2026-11/gongan/events?figure=score"), 400);
        (await result.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors.ShouldContainKey("figure");
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/departments/2026-13/gongan/events?figure=due"), 400);
        await Send(Tokens.Gongan, x => x.Get.Url("/api/assessment/departments/2026-11/chengguan/events?figure=due"), 404);
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/departments/2026-11/no-such/events?figure=due"), 404);
        (await Get<FigureTrace>(Tokens.Gongan, "/api/assessment/departments/2020-01/gongan/events?figure=due")).Value.ShouldBe(0);
    }

    private static int Figure(ScorecardFigures figures, string name) =>
        (int)typeof(ScorecardFigures).GetProperty(char.ToUpperInvariant(name[0]) + name[1..])!.GetValue(figures)!;
}
