using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Shouldly;
using Whistle.Assessment.Credit;
using Whistle.Complaints;
using Whistle.History;
using Whistle.History.Dashboards;
using Whistle.History.WhatIf;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Web;

/// <summary>
/// The analyst's pages read with the API's own code: the timeline as of a moment shows the case as it stood then and
/// marks the later steps, the difference lists the fields that changed, the dashboards as of a day show the as-of
/// API's figures, and a case outside the user's scope is the 404 page. The class moves the shared clock so that the
/// steps of a case lie at distinct moments.
/// </summary>
[Collection(SharedClock.Name)]
public sealed partial class HistoryPagesTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>A complaint in 东关花园 (东关社区) lodged at the returned moment and accepted an hour later.</summary>
    private async Task<(Guid Id, DateTimeOffset LodgedAt)> LodgedThenAccepted()
    {
        var lodgedAt = App.Clock.GetUtcNow();
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        App.Clock.Advance(TimeSpan.FromHours(1));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty);
        return (lodged.Id, lodgedAt);
    }

    private static string Row(string html, string attribute, string value) =>
        Regex.Match(html, $"<tr[^>]*{attribute}=\"{Regex.Escape(value)}\".*?</tr>", RegexOptions.Singleline).Value;

    private static string CaseState(string html) => StateCell().Match(html).Groups["state"].Value;

    [Fact]
    public async Task the_timeline_as_of_a_moment_shows_the_case_as_it_stood_then_and_marks_the_later_step()
    {
        var (id, lodgedAt) = await LodgedThenAccepted();
        var browser = await SignedIn("analyst");

        var (response, html) = await browser.GetAsync($"/history/cases/{id}?asOf={HistoryPages.LocalInput(lodgedAt.AddMinutes(30))}");
        var (_, now) = await browser.GetAsync($"/history/cases/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CaseState(html).ShouldBe($"{ComplaintStatus.Lodged.Label()} (Lodged)");
        Regex.Count(html, "data-later=\"true\"").ShouldBe(1);
        html.ShouldContain("<span class=\"badge badge-later\">之后</span>");
        CaseState(now).ShouldBe($"{ComplaintStatus.Accepted.Label()} (Accepted)");
        now.ShouldNotContain("data-later=\"true\"");
        now.ShouldContain($"/history/cases/{id}?asOf={HistoryPages.Query(lodgedAt)}");
    }

    [Fact]
    public async Task a_moment_before_the_case_was_lodged_is_the_apis_not_found_text_beside_the_as_of_control()
    {
        var (id, lodgedAt) = await LodgedThenAccepted();
        var browser = await SignedIn("analyst");

        var (response, html) = await browser.GetAsync($"/history/cases/{id}?asOf={HistoryPages.LocalInput(lodgedAt.AddDays(-1))}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("role=\"alert\"");
        html.ShouldContain("尚未登记");
        html.ShouldContain("data-testid=\"timeline\"");
    }

    [Fact]
    public async Task the_difference_between_lodging_and_now_lists_the_status_changed_from_lodged_to_accepted()
    {
        var (id, lodgedAt) = await LodgedThenAccepted();
        var browser = await SignedIn("analyst");

        var (response, html) = await browser.GetAsync($"/history/cases/{id}/difference");
        var (_, same) = await browser.GetAsync($"/history/cases/{id}/difference?from={HistoryPages.LocalInput(lodgedAt)}&to={HistoryPages.LocalInput(lodgedAt.AddMinutes(30))}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var status = Row(html, "data-path", "$.case.status");
        status.ShouldContain("<td>修改</td>");
        status.ShouldContain("<td>Lodged</td>");
        status.ShouldContain("<td>Accepted</td>");
        html.ShouldContain("<code>complaint_accepted</code>");
        same.ShouldContain("data-testid=\"no-changes\"");
    }

    [Fact]
    public async Task from_after_to_is_the_apis_400_naming_from()
    {
        var (id, lodgedAt) = await LodgedThenAccepted();
        var browser = await SignedIn("analyst");

        var (response, html) = await browser.GetAsync(
            $"/history/cases/{id}/difference?from={HistoryPages.LocalInput(lodgedAt.AddMinutes(50))}&to={HistoryPages.LocalInput(lodgedAt.AddMinutes(10))}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("起点不能晚于终点。From must not be after to.");
        html.ShouldContain("id=\"from\" name=\"from\" type=\"datetime-local\" step=\"0.001\" value=\"" + HistoryPages.LocalInput(lodgedAt.AddMinutes(50)) + "\" aria-describedby=\"difference-hint difference-error\" aria-invalid=\"true\"");
    }

    [Fact]
    public async Task a_case_of_another_community_and_a_role_the_api_refuses_are_the_404_page()
    {
        var (id, _) = await LodgedThenAccepted();
        var other = await SignedIn("community2");
        var department = await SignedIn("gongan");

        (await other.GetAsync($"/history/cases/{id}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/history/cases/{id}/difference")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await department.GetAsync($"/history/cases/{id}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (own, html) = await (await SignedIn("community")).GetAsync($"/history/cases/{id}");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("页面不存在");
    }

    [Fact]
    public async Task the_dashboards_as_of_a_day_show_the_as_of_apis_ranking_and_credit_figures()
    {
        var day = DateOnly.FromDateTime(CountyTime.Local(App.Clock.GetUtcNow()).DateTime);
        var complaint = await Lodge(Tokens.Clerk, NewComplaint("CP010101", "property-service"));
        await Post(Tokens.Clerk, $"/api/complaints/{complaint.Id}/accept", Empty);
        await Post(Tokens.Clerk, $"/api/complaints/{complaint.Id}/resolve", new ResolveComplaint("已清理楼道垃圾。"));
        var whistled = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{whistled.Id}/accept", Empty);
        var blown = await Post(Tokens.Community, $"/api/complaints/{whistled.Id}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201);
        var whistle = (WhistleBlown)(await EventsOf((await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId))[0].Data;
        var month = Whistle.Assessment.AssessmentMonth.Of(whistle.Assignments.Single(a => a.Department == "gongan").Deadlines.SignForDue);
        // The day is over before it is read, so no test appending now changes what it shows.
        App.Clock.Advance(AsOfDay.EndOf(day).AddMinutes(1) - App.Clock.GetUtcNow());
        var asOf = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ranking = await Get<MonthScorecardsAsOf>(Tokens.Analyst, $"/api/history/assessment/departments/{month}?asOf={asOf}");
        var files = await Get<List<CompanyCreditFile>>(Tokens.Analyst, $"/api/history/companies?asOf={asOf}");
        var pc45 = files.Single(f => f.Id == "PC45");
        var browser = await SignedIn("analyst");

        var (response, html) = await browser.GetAsync(
            $"/history/dashboards?asOf={asOf}&month={month}&creditPage={files.IndexOf(pc45) / DashboardsAsOfPage.PageSize + 1}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var gongan = ranking.Ranking.Single(r => r.Department == "gongan");
        Row(html, "data-department", "gongan").ShouldContain($"<td data-testid=\"score\">{HistoryPages.Number(gongan.Score)}</td>");
        pc45.Entries.ShouldNotBeEmpty();
        Row(html, "data-company", "PC45").ShouldContain($"<td data-testid=\"credit-score\">{pc45.Score}</td>");
        html.ShouldContain("<h2 id=\"worklist-heading\">联席办待办</h2>");
        html.ShouldContain($"截至 {asOf} 日终，考核月份 {month}");
    }

    [Fact]
    public async Task a_day_not_written_yyyy_mm_dd_is_the_apis_400_and_a_role_without_a_dashboard_the_404_page()
    {
        var browser = await SignedIn("analyst");
        var community = await SignedIn("community");

        var (response, html) = await browser.GetAsync("/history/dashboards?asOf=20-11-2026");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("日期应写作 yyyy-MM-dd");
        html.ShouldNotContain("data-testid=\"ranking\"");
        (await community.GetAsync("/history/dashboards")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_what_if_page_puts_the_apis_what_if_figures_beside_the_official_ones()
    {
        var whistled = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{whistled.Id}/accept", Empty);
        var blown = await Post(Tokens.Community, $"/api/complaints/{whistled.Id}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        var month = Whistle.Assessment.AssessmentMonth.Of(((WhistleBlown)(await EventsOf(whistle))[0].Data).Assignments[0].Deadlines.SignForDue);
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty);
        var api = await (await Post(Tokens.Analyst, $"/api/history/what-if/departments/{month}",
            new WhatIfPolicy(new Whistle.County.Deadlines.AssessmentWeightsInput(100, 0, 0)))).ReadAsJsonAsync<WhatIfComparison>();
        var browser = await SignedIn("analyst");

        var (response, html) = await browser.GetAsync($"/history/what-if?month={month}&response=100&resolution=0&satisfaction=0&type=");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var gongan = api!.Departments.Single(d => d.Department == "gongan");
        var row = WebUtility.HtmlDecode(Row(html, "data-department", "gongan"));
        row.ShouldContain($"<td data-testid=\"official-score\">{HistoryPages.Number(gongan.Score.Official)}</td>");
        row.ShouldContain($"<td data-testid=\"what-if-score\">{HistoryPages.Number(gongan.Score.WhatIf)}</td>");
        row.ShouldContain($"<td data-testid=\"score-change\">{HistoryPages.Number(gongan.Score.Change, withSign: true)}</td>");
    }

    [Fact]
    public async Task weights_not_summing_to_100_are_the_apis_400_beside_the_weights_and_no_comparison_is_drawn()
    {
        var browser = await SignedIn("analyst");

        var (response, html) = await browser.GetAsync("/history/what-if?month=2026-11&response=50&resolution=20&satisfaction=20&type=");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("三项权重之和须为 100（现为 90）。The three weights must sum to 100 (they sum to 90).");
        html.ShouldContain("id=\"assessment-error\"");
        html.ShouldNotContain("data-testid=\"what-if\"");
        (await (await SignedIn("community")).GetAsync("/history/what-if")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("<dd data-testid=\"case-state\">(?<state>[^<]*)</dd>")]
    private static partial Regex StateCell();
}
