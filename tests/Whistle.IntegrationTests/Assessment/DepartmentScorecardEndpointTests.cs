using System.Text;
using Alba;
using Shouldly;
using Whistle.Assessment;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Assessment;

/// <summary>
/// The department scorecards over the real pipeline: the whistle's commands, the async daemon (paused, then caught up
/// on demand — never a sleep), the endpoints with their scope, bad input and CSV. Each test works in a county of its own.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class DepartmentScorecardEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>An illegal-parking whistle in 东关社区: the catalogue sends it to 公安 (lead) and 城管 (co-handling).</summary>
    private async Task<(Guid Whistle, string Month, ITrackedSession Tracked)> Blow(string county)
    {
        var complaint = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/accept", Empty, county: county);
        IScenarioResult result = null!;
        var tracked = await AfterDaemon(async () => result = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle",
            new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county));
        var whistle = (await result.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        var blown = (WhistleBlown)(await EventsOf(whistle, county))[0].Data;
        return (whistle, AssessmentMonth.Of(blown.Assignments.Single(a => a.Department == "gongan").Deadlines.SignForDue), tracked);
    }

    private Task<MonthScorecards> Month(Tokens.User user, string county, string month) =>
        Get<MonthScorecards>(user, $"/api/assessment/departments/{month}", county);

    [Fact]
    public async Task the_daemon_builds_each_departments_scorecard_and_the_month_ranks_them_by_score()
    {
        var county = await App.NewCountyAsync();
        var (whistle, month, _) = await Blow(county);

        await AfterDaemon(() => Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty, county: county));

        var scorecards = await Month(Tokens.Office, county, month);
        var policy = await Get<DeadlinePolicy>(Tokens.Office, "/api/deadline-policy", county);
        (scorecards.Month, scorecards.PolicyVersion, scorecards.Weights).ShouldBe((month, policy.Version, new AssessmentWeights(30, 35, 35)));
        var gongan = scorecards.Scorecards.Single(s => s.Department == "gongan");
        (gongan.Figures.Due, gongan.Figures.SignedForInTime, gongan.Figures.RepliedInTime).ShouldBe((1, 1, 0));
        (gongan.Figures.ResponseRate, gongan.Figures.ResolutionRate, gongan.Figures.SatisfactionRate).ShouldBe((1m, 0m, (decimal?)null));
        gongan.Figures.Score.ShouldBe(46.15m);   // 100 × (30 × 1 + 35 × 0) / 65
        gongan.Assignments.ShouldHaveSingleItem().WhistleId.ShouldBe(whistle);
        var chengguan = scorecards.Scorecards.Single(s => s.Department == "chengguan");
        (chengguan.Figures.Due, chengguan.Figures.SignedForInTime, chengguan.Figures.Score).ShouldBe((1, 0, (decimal?)0m));
        scorecards.Ranking.Take(2).Select(r => (r.Rank, r.Department)).ShouldBe([((int?)1, "gongan"), (2, "chengguan")]);
        scorecards.Ranking.Skip(2).ShouldAllBe(r => r.Rank == null && r.Score == null);
        scorecards.Ranking.Skip(2).Select(r => r.Department).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }

    [Fact]
    public async Task each_department_that_missed_the_same_round_is_charged_once_through_the_daemon()
    {
        var county = await App.NewCountyAsync();
        var (whistle, month, blown) = await Blow(county);
        var deadlines = blown.DeadlinesOf(whistle).Where(m => m.Kind == DeadlineKind.SignFor).ToList();
        deadlines.Count.ShouldBe(2);
        App.Clock.Advance(TimeSpan.FromHours(25));

        foreach (var deadline in deadlines)
            await AfterDaemon(() => Host.MessageBus().InvokeForTenantAsync(county, deadline));
        // The same deadline delivered again charges nothing more.
        await AfterDaemon(() => Host.MessageBus().InvokeForTenantAsync(county, deadlines[0]));

        var scorecards = await Month(Tokens.Office, county, month);
        foreach (var department in new[] { "gongan", "chengguan" })
        {
            var card = scorecards.Scorecards.Single(s => s.Department == department);
            (card.Figures.MissedDeadlines, card.Figures.Overdue, card.Figures.SignedForInTime).ShouldBe((1, 1, 0));
        }
        (await EventsOf(whistle, county)).Count(e => e.Data is AssignmentOverdue).ShouldBe(2);
    }

    [Fact]
    public async Task a_department_officer_sees_the_whole_ranking_and_only_its_own_scorecard()
    {
        var county = await App.NewCountyAsync();
        var (_, month, _) = await Blow(county);

        var seen = await Month(Tokens.Gongan, county, month);

        seen.Scorecards.ShouldHaveSingleItem().Department.ShouldBe("gongan");
        seen.Ranking.Select(r => r.Department).ShouldContain("chengguan");
        (await Get<DepartmentScorecardView>(Tokens.Gongan, $"/api/assessment/departments/{month}/gongan", county)).Figures.Due.ShouldBe(1);
        await Send(Tokens.Gongan, x => x.Get.Url($"/api/assessment/departments/{month}/chengguan"), 404, county);
        (await Get<DepartmentScorecardView>(Tokens.Supervisor, $"/api/assessment/departments/{month}/chengguan", county)).Rank.ShouldBe(1);
        (await Month(Tokens.Analyst, county, month)).Scorecards.Count.ShouldBe(seen.Ranking.Count);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("november")]
    public async Task a_malformed_month_is_400(string month)
    {
        var result = await Send(Tokens.Office, x => x.Get.Url($"/api/assessment/departments/{month}"), 400);
        (await result.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors.ShouldContainKey("month");
        await Send(Tokens.Office, x => x.Get.Url($"/api/assessment/departments/{month}/gongan"), 400);
    }

    [Fact]
    public async Task an_unknown_department_is_404_an_unknown_format_400_and_roles_without_the_assessment_403()
    {
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/departments/2026-11/no-such-department"), 404);
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/departments/2026-11?format=xlsx"), 400);
        await Send(Tokens.Community, x => x.Get.Url("/api/assessment/departments/2026-11"), 403);
        await Send(Tokens.Clerk, x => x.Get.Url("/api/assessment/departments/2026-11"), 403);
        await Send(null, x => x.Get.Url("/api/assessment/departments/2026-11"), 401);
    }

    [Fact]
    public async Task the_csv_export_is_utf8_with_a_byte_order_mark_by_query_or_by_accept_header()
    {
        var county = await App.NewCountyAsync();
        var (_, month, _) = await Blow(county);

        var byQuery = await Send(Tokens.Office, x => x.Get.Url($"/api/assessment/departments/{month}?format=csv"), 200, county);
        var byAccept = await Send(Tokens.Office, x =>
        {
            x.Get.Url($"/api/assessment/departments/{month}/gongan");
            x.WithRequestHeader("Accept", "text/csv");
        }, 200, county);

        var rows = new List<string[]>();
        foreach (var result in new[] { byQuery, byAccept })
        {
            result.Context.Response.ContentType.ShouldBe("text/csv; charset=utf-8");
            var bytes = await Bytes(result);
            bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
            rows.Add(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n"));
            rows[^1][0].ShouldBe(string.Join(',', ScorecardCsv.Header));
        }
        // Nobody signed for: both departments score 0 and share the first rank.
        rows[0].Length.ShouldBeGreaterThan(3);
        rows[1][1].ShouldStartWith($"{month},1,gongan,县公安局,0,0,0,,1,0,0,0,0,0,0,,,0,0,0,");
    }

    private static async Task<byte[]> Bytes(IScenarioResult result)
    {
        using var stream = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }
}
