using Alba;
using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Appeals;
using Whistle.Whistles;
using Wolverine;

namespace Whistle.IntegrationTests.Assessment;

/// <summary>
/// Score appeals over the real pipeline: lodged by the department, ruled by the office, folded into the scorecard by
/// the async daemon (paused, then caught up on demand); the list's scope; bad input, with nothing appended.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class ScoreAppealEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>An illegal-parking whistle in 东关社区 (公安 lead, 城管 co-handling) whose sign-for due times both departments miss.</summary>
    private async Task<(Guid Whistle, string Month, DateTimeOffset SignForDue)> BlowAndMiss(string county)
    {
        var complaint = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/accept", Empty, county: county);
        IScenarioResult result = null!;
        var blown = await AfterDaemon(async () => result = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle",
            new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county));
        var whistle = (await result.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        var deadlines = blown.DeadlinesOf(whistle).Where(m => m.Kind == DeadlineKind.SignFor).ToList();
        App.Clock.Advance(TimeSpan.FromHours(25));
        foreach (var deadline in deadlines)
            await AfterDaemon(() => Host.MessageBus().InvokeForTenantAsync(county, deadline));
        var due = deadlines.Single(d => d.Department == "gongan").DueAt;
        return (whistle, AssessmentMonth.Of(due), due);
    }

    private async Task<Guid> Appeal(Tokens.User user, string county, LodgeScoreAppeal appeal)
    {
        IScenarioResult result = null!;
        await AfterDaemon(async () => result = await Post(user, "/api/assessment/appeals", appeal, 201, county));
        result.Context.Response.Headers.Location.ToString().ShouldStartWith("/api/assessment/appeals/");
        return (await result.ReadAsJsonAsync<ScoreAppealLodgedResponse>())!.AppealId;
    }

    private Task<DepartmentScorecardView> Scorecard(string county, string month, string department) =>
        Get<DepartmentScorecardView>(Tokens.Office, $"/api/assessment/departments/{month}/{department}", county);

    [Fact]
    public async Task an_upheld_appeal_on_a_missed_deadline_corrects_the_scorecard_and_keeps_the_original_figure()
    {
        var county = await App.NewCountyAsync();
        var (whistle, month, due) = await BlowAndMiss(county);

        var appealId = await Appeal(Tokens.Gongan, county, new LodgeScoreAppeal(whistle, "系统故障致无法签收。", DeadlineKind.SignFor, due));
        var pending = await Scorecard(county, month, "gongan");
        pending.Assignments.Single().Appeals.ShouldHaveSingleItem().Ruling.ShouldBeNull();
        pending.Figures.MissedDeadlines.ShouldBe(1);

        await AfterDaemon(() => Post(Tokens.Office, $"/api/assessment/appeals/{appealId}/rule",
            new RuleOnScoreAppeal(AppealRuling.Upheld, "经核实系平台故障。"), county: county));

        var gongan = await Scorecard(county, month, "gongan");
        (gongan.OriginalFigures.MissedDeadlines, gongan.OriginalFigures.Overdue).ShouldBe((1, 1));
        (gongan.Figures.MissedDeadlines, gongan.Figures.Overdue).ShouldBe((0, 0));
        gongan.Assignments.Single().Appeals.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.AppealId.ShouldBe(appealId),
            a => a.Ruling.ShouldBe(AppealRuling.Upheld),
            a => a.RulingReason.ShouldBe("经核实系平台故障。"));
        var chengguan = await Scorecard(county, month, "chengguan");
        chengguan.Figures.ShouldBe(chengguan.OriginalFigures);
        chengguan.Figures.MissedDeadlines.ShouldBe(1);
        var details = await Get<ScoreAppealDetails>(Tokens.Gongan, $"/api/assessment/appeals/{appealId}", county);
        (details.Department, details.Month, details.Ruling).ShouldBe(("gongan", month, (AppealRuling?)AppealRuling.Upheld));
    }

    [Fact]
    public async Task an_upheld_appeal_on_the_assignment_takes_it_out_of_the_ranking()
    {
        var county = await App.NewCountyAsync();
        var (whistle, month, _) = await BlowAndMiss(county);

        var appealId = await Appeal(Tokens.Chengguan, county, new LodgeScoreAppeal(whistle, "乱停车辆属公安交警职责。"));
        await AfterDaemon(() => Post(Tokens.Office, $"/api/assessment/appeals/{appealId}/rule", new RuleOnScoreAppeal(AppealRuling.Upheld, "属实。"), county: county));

        var scorecards = await Get<MonthScorecards>(Tokens.Office, $"/api/assessment/departments/{month}", county);
        var chengguan = scorecards.Scorecards.Single(s => s.Department == "chengguan");
        (chengguan.OriginalFigures.Due, chengguan.OriginalFigures.Score).ShouldBe((1, (decimal?)0m));
        (chengguan.Figures.Due, chengguan.Figures.Score, chengguan.Rank).ShouldBe((0, (decimal?)null, (int?)null));
        scorecards.Ranking.Single(r => r.Department == "gongan").Rank.ShouldBe(1);
    }

    [Fact]
    public async Task the_list_shows_a_department_its_own_appeals_and_the_office_all_filtered_by_month_and_department()
    {
        var county = await App.NewCountyAsync();
        var (whistle, month, _) = await BlowAndMiss(county);
        await Appeal(Tokens.Gongan, county, new LodgeScoreAppeal(whistle, "不属本部门职责。"));
        await Appeal(Tokens.Chengguan, county, new LodgeScoreAppeal(whistle, "不属本部门职责。"));

        (await Get<List<ScoreAppealDetails>>(Tokens.Gongan, "/api/assessment/appeals", county)).ShouldHaveSingleItem().Department.ShouldBe("gongan");
        (await Get<List<ScoreAppealDetails>>(Tokens.Office, $"/api/assessment/appeals?month={month}", county)).Count.ShouldBe(2);
        (await Get<List<ScoreAppealDetails>>(Tokens.Analyst, "/api/assessment/appeals?department=chengguan", county))
            .ShouldHaveSingleItem().Department.ShouldBe("chengguan");
        (await Get<List<ScoreAppealDetails>>(Tokens.Office, "/api/assessment/appeals?month=2020-01", county)).ShouldBeEmpty();
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/appeals?month=2026-13"), 400, county);
        await Send(Tokens.Community, x => x.Get.Url("/api/assessment/appeals"), 403, county);
    }

    [Fact]
    public async Task bad_appeals_are_404_409_or_400_and_append_nothing()
    {
        var county = await App.NewCountyAsync();
        var (whistle, _, due) = await BlowAndMiss(county);
        var appealId = await Appeal(Tokens.Gongan, county, new LodgeScoreAppeal(whistle, "不属本部门职责。"));

        // 住建 was never given the whistle; no whistle at all; a deadline 公安 was not charged with.
        await Post(Tokens.Zhujian, "/api/assessment/appeals", new LodgeScoreAppeal(whistle, "理由"), 404, county);
        await Post(Tokens.Gongan, "/api/assessment/appeals", new LodgeScoreAppeal(Guid.NewGuid(), "理由"), 404, county);
        await Post(Tokens.Gongan, "/api/assessment/appeals", new LodgeScoreAppeal(whistle, "理由", DeadlineKind.Reply, due), 404, county);
        // The same item again.
        await Post(Tokens.Gongan, "/api/assessment/appeals", new LodgeScoreAppeal(whistle, "再次申诉"), 409, county);
        await Post(Tokens.Gongan, "/api/assessment/appeals", new LodgeScoreAppeal(whistle, ""), 400, county);
        await Post(Tokens.Community, "/api/assessment/appeals", new LodgeScoreAppeal(whistle, "理由"), 403, county);

        await Post(Tokens.Office, $"/api/assessment/appeals/{appealId}/rule", new RuleOnScoreAppeal(AppealRuling.Dismissed, "属本部门职责。"), county: county);
        await Post(Tokens.Office, $"/api/assessment/appeals/{appealId}/rule", new RuleOnScoreAppeal(AppealRuling.Upheld, "改判"), 409, county);
        await Post(Tokens.Office, $"/api/assessment/appeals/{Guid.NewGuid()}/rule", new RuleOnScoreAppeal(AppealRuling.Upheld, "理由"), 404, county);
        await Post(Tokens.Gongan, $"/api/assessment/appeals/{appealId}/rule", new RuleOnScoreAppeal(AppealRuling.Upheld, "理由"), 403, county);

        (await EventsOf(appealId, county)).Select(e => e.Data.GetType()).ShouldBe([typeof(ScoreAppealLodged), typeof(ScoreAppealRuled)]);
        (await Get<List<ScoreAppealDetails>>(Tokens.Office, "/api/assessment/appeals", county)).ShouldHaveSingleItem().Id.ShouldBe(appealId);
    }

    [Fact]
    public async Task an_appeal_after_the_window_is_409_and_appends_nothing()
    {
        var county = await App.NewCountyAsync();
        var (whistle, _, _) = await BlowAndMiss(county);
        // Past the month's end and its ten days, whatever day of the month the clock stood at.
        App.Clock.Advance(TimeSpan.FromDays(45));

        var late = await Post(Tokens.Chengguan, "/api/assessment/appeals", new LodgeScoreAppeal(whistle, "不属本部门职责。"), 409, county);

        (await late.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail.ShouldNotBeNull().ShouldContain("appeal window");
        (await Get<List<ScoreAppealDetails>>(Tokens.Office, "/api/assessment/appeals", county)).ShouldBeEmpty();
    }

    [Fact]
    public async Task two_appeals_on_one_item_at_the_same_moment_give_one_appeal_and_one_409()
    {
        var county = await App.NewCountyAsync();
        var (whistle, _, due) = await BlowAndMiss(county);
        var appeal = new LodgeScoreAppeal(whistle, "系统故障致无法签收。", DeadlineKind.SignFor, due);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(Tokens.Gongan, county));
            x.Post.Json(appeal, JsonStyle.MinimalApi).ToUrl("/api/assessment/appeals");
            x.IgnoreStatusCode();
        })));

        answers.Select(a => a.Context.Response.StatusCode).Order().ShouldBe([201, 409, 409, 409]);
        var lodged = (await answers.Single(a => a.Context.Response.StatusCode == 201).ReadAsJsonAsync<ScoreAppealLodgedResponse>())!.AppealId;
        (await EventsOf(lodged, county)).Select(e => e.Data.GetType()).ShouldBe([typeof(ScoreAppealLodged)]);
    }
}
