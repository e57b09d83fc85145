using System.Text.Json;
using Alba;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Credit;
using Whistle.Complaints;
using Whistle.History.Dashboards;
using Whistle.History.WhatIf;
using Whistle.JointMeetings.Worklist;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.History.Dashboards;

/// <summary>
/// The dashboards as of a day and the what-if over the real pipeline: a history driven by the clock over two county
/// days, the live read models captured at the first day's end once the daemon had handled every event so far (waited
/// for, never a sleep), then asked for as of that day after the second. Each test works in a county of its own.
/// 东关花园 (CP010101) is served by PC45, whose legal representative the sample county names 贾桂芳.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class DashboardsAsOfEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private void MoveClockTo(DateTimeOffset at) => App.Clock.Advance(at - App.Clock.GetUtcNow());

    /// <summary>The county day after the clock's, at the given hour (China time).</summary>
    private DateOnly NextDay() => DateOnly.FromDateTime(CountyTime.Local(App.Clock.GetUtcNow()).DateTime).AddDays(1);

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), CountyTime.Offset);

    /// <summary>An illegal-parking whistle in 东关社区: the catalogue sends it to 公安 (lead) and 城管 (co-handling).</summary>
    private async Task<(Guid Whistle, string Month)> Blow(string county)
    {
        var complaint = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/accept", Empty, county: county);
        IScenarioResult result = null!;
        await AfterDaemon(async () => result = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle",
            new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county));
        var whistle = (await result.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        var blown = (WhistleBlown)(await EventsOf(whistle, county))[0].Data;
        return (whistle, AssessmentMonth.Of(blown.Assignments.Single(a => a.Department == "gongan").Deadlines.SignForDue));
    }

    /// <summary>A property-service complaint on 东关花园, resolved: PC45 is charged for it.</summary>
    private async Task<Guid> Resolved(string county)
    {
        var lodged = await Lodge(Tokens.Clerk, NewComplaint("CP010101", "property-service"), county);
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/accept", Empty, county: county);
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/resolve", new ResolveComplaint("已清理楼道垃圾并整改保洁排班。"), county: county);
        return lodged.Id;
    }

    private static string Shape(object value) => JsonSerializer.Serialize(value, Json);

    private static string Views(IEnumerable<DepartmentScorecardView> views) => Shape((object)views.Select(v => v with { Signals = null }).ToList());

    [Fact]
    public async Task the_scorecards_worklist_and_credit_file_as_of_a_day_equal_the_live_ones_captured_at_that_days_end()
    {
        var county = await App.NewCountyAsync();
        var firstDay = NextDay();
        MoveClockTo(At(firstDay, 9));
        var (whistle, month) = await Blow(county);
        await AfterDaemon(async () =>
        {
            await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty, county: county);
            await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/reject",
                new RejectAssignment("《城市道路管理条例》第二十七条", "小区内部道路不属城市道路"), county: county);
            await Resolved(county);
        });
        MoveClockTo(AsOfDay.EndOf(firstDay));
        var liveScorecards = await Get<MonthScorecards>(Tokens.Office, $"/api/assessment/departments/{month}", county);
        var liveWorklist = await Get<JointMeetingWorklist>(Tokens.Office, "/api/joint-meeting/worklist", county);
        var liveFile = await Get<CompanyCreditFile>(Tokens.Office, "/api/assessment/companies/PC45", county);

        MoveClockTo(At(firstDay.AddDays(1), 10));
        await AfterDaemon(async () =>
        {
            await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/reply", new ReplyToAssignment("已拖移违停车辆。"), county: county);
            await Post(Tokens.Office, $"/api/whistles/{whistle}/assignments/chengguan/arbitrate", new ArbitrateRejection(ArbitrationRuling.Overruled, "小区道路属公共通道。", null), county: county);
            await Resolved(county);
        });
        var later = await Get<MonthScorecards>(Tokens.Office, $"/api/assessment/departments/{month}", county);
        later.Scorecards.Single(s => s.Department == "gongan").Figures.RepliedInTime.ShouldBe(1);

        var day = firstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var scorecards = await Get<MonthScorecardsAsOf>(Tokens.Office, $"/api/history/assessment/departments/{month}?asOf={day}", county);
        var worklist = await Get<JointMeetingWorklist>(Tokens.Office, $"/api/history/joint-meeting/worklist?asOf={day}", county);
        var file = await Get<CompanyCreditFile>(Tokens.Office, $"/api/history/companies/PC45?asOf={day}", county);

        (scorecards.Month, scorecards.AsOf, scorecards.PolicyVersion, scorecards.Weights).ShouldBe((month, day, liveScorecards.PolicyVersion, liveScorecards.Weights));
        scorecards.Ranking.ShouldBe(liveScorecards.Ranking);
        Views(scorecards.Scorecards).ShouldBe(Views(liveScorecards.Scorecards));
        scorecards.Scorecards.Single(s => s.Department == "gongan").Figures.SignedForInTime.ShouldBe(1);
        worklist.Items.ShouldBe(liveWorklist.Items);
        worklist.Items.ShouldContain(i => i.Kind == WorklistKind.AwaitingRuling && i.Department == "chengguan");
        Shape(file).ShouldBe(Shape(liveFile));
        file.Entries.ShouldHaveSingleItem().Rule.ShouldBe(CreditRule.SubstantiatedComplaint);
    }

    [Fact]
    public async Task a_department_officer_sees_its_own_scorecard_as_of_a_day_an_analyst_every_one_and_the_credit_file_names_the_legal_representative()
    {
        var county = await App.NewCountyAsync();
        var day = NextDay();
        MoveClockTo(At(day, 9));
        var (_, month) = await Blow(county);
        await AfterDaemon(() => Resolved(county));
        var asOf = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var gongan = await Get<MonthScorecardsAsOf>(Tokens.Gongan, $"/api/history/assessment/departments/{month}?asOf={asOf}", county);
        var analyst = await Get<MonthScorecardsAsOf>(Tokens.Analyst, $"/api/history/assessment/departments/{month}?asOf={asOf}", county);

        gongan.Scorecards.ShouldHaveSingleItem().Department.ShouldBe("gongan");
        analyst.Scorecards.Count.ShouldBe(gongan.Ranking.Count);
        (await Get<CompanyCreditFile>(Tokens.Analyst, $"/api/history/companies/PC45?asOf={asOf}", county)).LegalRepresentative.ShouldBe("贾桂芳");
        (await Get<CompanyCreditFile>(Tokens.Office, $"/api/history/companies/PC45?asOf={asOf}", county)).LegalRepresentative.ShouldBe("贾桂芳");
        await Send(Tokens.Community, x => x.Get.Url($"/api/history/assessment/departments/{month}?asOf={asOf}"), 403, county);
        await Send(Tokens.Gongan, x => x.Get.Url($"/api/history/joint-meeting/worklist?asOf={asOf}"), 403, county);
        await Send(Tokens.Office, x => x.Get.Url($"/api/history/companies/PC45?asOf=2001-01-01"), 404, county);
    }

    [Fact]
    public async Task the_what_if_with_the_official_policy_is_the_official_ranking_and_another_weighting_reorders_it_writing_nothing()
    {
        var county = await App.NewCountyAsync();
        MoveClockTo(At(NextDay(), 9));
        var (whistle, month) = await Blow(county);
        // 公安 signs for in time and has not replied; 城管 signs for six hours late and replies the same day.
        await AfterDaemon(() => Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty, county: county));
        App.Clock.Advance(TimeSpan.FromHours(30));
        await AfterDaemon(async () =>
        {
            await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/sign-for", Empty, county: county);
            await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/reply", new ReplyToAssignment("已清理占道车辆。"), county: county);
        });
        var live = await Get<MonthScorecards>(Tokens.Office, $"/api/assessment/departments/{month}", county);
        var (events, cards) = await Stored(county);

        var same = await WhatIf(county, month, new { assessment = new { response = 30, resolution = 35, satisfaction = 35 } });
        var reweighed = await WhatIf(county, month, new { assessment = new { response = 60, resolution = 20, satisfaction = 20 } });
        var longer = await WhatIf(county, month, new { rules = new[] { new { whistleType = "Routine", signFor = new { amount = 48, unit = "Hours", basis = "Calendar" } } } });

        same.Official.Ranking.ShouldBe(live.Ranking);
        same.WhatIf.Ranking.ShouldBe(live.Ranking);
        same.Departments.ShouldAllBe(d => d.Score.Change == null || d.Score.Change == 0m);
        // Official 30/35/35: 城管 100 × 35 / 65 = 53.85, 公安 100 × 30 / 65 = 46.15. What-if 60/20/20: 公安 75.00, 城管 25.00.
        reweighed.Official.Ranking.Take(2).Select(r => (r.Rank, r.Department, r.Score)).ShouldBe([(1, "chengguan", 53.85m), (2, "gongan", 46.15m)]);
        reweighed.WhatIf.Ranking.Take(2).Select(r => (r.Rank, r.Department, r.Score)).ShouldBe([(1, "gongan", 75m), (2, "chengguan", 25m)]);
        var signedFor = (await EventsOf(whistle, county)).Last(e => e.Data is AssignmentSignedFor { Department: "chengguan" });
        longer.Departments.Single(d => d.Department == "chengguan").Events.ShouldHaveSingleItem().Event
            .ShouldBe(new EventRef(whistle, nameof(AssignmentSignedFor), signedFor.Version, ((AssignmentSignedFor)signedFor.Data).At));
        longer.Departments.Single(d => d.Department == "chengguan").ResponseRate.ShouldBe(new FigureDifference(0m, 1m, 1m));
        (await Stored(county)).ShouldBe((events, cards));
    }

    [Fact]
    public async Task a_bad_day_month_weighting_or_interval_is_400_naming_the_field()
    {
        async Task Rejects(Action<Scenario> scenario, string field)
        {
            var result = await Send(Tokens.Office, scenario, 400);
            (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.ShouldContainKey(field);
        }

        await Rejects(x => x.Get.Url("/api/history/assessment/departments/2026-11?asOf=2026/11/20"), "asOf");
        await Rejects(x => x.Get.Url("/api/history/assessment/departments/2026-13?asOf=2026-11-20"), "month");
        await Rejects(x => x.Get.Url("/api/history/joint-meeting/worklist"), "asOf");
        await Rejects(x => x.Get.Url("/api/history/companies?asOf=yesterday"), "asOf");
        await Rejects(x => x.Post.Json(new { assessment = new { response = 50, resolution = 30, satisfaction = 30 } }, JsonStyle.MinimalApi)
            .ToUrl("/api/history/what-if/departments/2026-11"), "assessment");
        await Rejects(x => x.Post.Json(new { rules = new[] { new { whistleType = "Routine", signFor = new { amount = 0, unit = "Hours", basis = "Calendar" } } } },
            JsonStyle.MinimalApi).ToUrl("/api/history/what-if/departments/2026-11"), "rules[0].signFor.amount");
        await Rejects(x => x.Post.Json(new { }, JsonStyle.MinimalApi).ToUrl("/api/history/what-if/departments/november"), "month");
    }

    private async Task<WhatIfComparison> WhatIf(string county, string month, object body)
    {
        var result = await Post(Tokens.Office, $"/api/history/what-if/departments/{month}", body, county: county);
        return (await result.ReadAsJsonAsync<WhatIfComparison>())!;
    }

    /// <summary>How many events the county holds, and its departments' assignments as stored.</summary>
    private async Task<(int Events, string Cards)> Stored(string county)
    {
        await using var session = App.Store.QuerySession(county);
        var events = await session.Events.QueryAllRawEvents().CountAsync();
        var cards = await session.Query<ScoredAssignment>().OrderBy(a => a.Id).ToListAsync();
        return (events, Shape(cards));
    }
}
