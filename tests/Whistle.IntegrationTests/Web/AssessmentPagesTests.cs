using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using Whistle.Assessment;
using Whistle.Complaints;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Web;

/// <summary>
/// The assessment pages over the real pipeline: a small month seeded through the API in a county of its own, the daemon
/// caught up on demand (never a sleep), the pages read with the API's own queries and scope. Pages are requested with a
/// bearer token of that county (a request that brings one is authenticated by it, pages too).
/// </summary>
[Collection(SharedClock.Name)]
public sealed partial class AssessmentPagesTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>An illegal-parking whistle in 东关社区 (SD01) for 公安 (lead) and 城管; 公安 signs for it in time.</summary>
    private async Task<(Guid Whistle, string Month, string LodgedIn)> GonganSignedFor(string county)
    {
        var complaint = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/accept", Empty, county: county);
        var blown = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        await AfterDaemon(() => Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty, county: county));
        var blownEvent = (WhistleBlown)(await EventsOf(whistle, county))[0].Data;
        var lodged = (ComplaintLodged)(await EventsOf(complaint.Id, county))[0].Data;
        return (whistle, AssessmentMonth.Of(blownEvent.Assignments.Single(a => a.Department == "gongan").Deadlines.SignForDue), AssessmentMonth.Of(lodged.At));
    }

    private async Task<(HttpResponseMessage Response, string Html)> Page(Tokens.User user, string url, string county, PageBrowser? browser = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(user, county));
        var (response, html) = await (browser ?? new PageBrowser(Host)).SendAsync(request);
        return (response, BetweenTags().Replace(html, "><"));
    }

    /// <summary>The whitespace the Razor source leaves between elements, which a browser does not show.</summary>
    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();

    [Fact]
    public async Task the_ranking_page_shows_the_months_figures_in_a_table_and_a_bar_chart()
    {
        var county = await App.NewCountyAsync();
        var (_, month, _) = await GonganSignedFor(county);

        var (response, html) = await Page(Tokens.Office, $"/assessment/ranking?month={month}", county);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<h1>部门月度考核排名：{month}</h1>");
        // 公安 signed for in time, has not replied, nobody rated: 100 × (30 × 1 + 35 × 0) / 65 = 46.15; 城管 answered nothing: 0.
        html.ShouldContain($"""<tr data-department="gongan"><td>1</td><th scope="row"><a href="/assessment/departments/gongan?month={month}">县公安局</a></th><td>46.15</td><td>100%</td><td>0%</td><td>无数据</td></tr>""");
        html.ShouldContain($"""<tr data-department="chengguan"><td>2</td><th scope="row"><a href="/assessment/departments/chengguan?month={month}">县城市管理局</a></th><td>0</td><td>0%</td><td>0%</td><td>无数据</td></tr>""");
        html.ShouldContain("<td>未排名</td>");
        html.ShouldContain("role=\"img\"");
        html.ShouldContain($"<title id=\"scores-title\">{month} 各部门考核得分</title>");
        html.ShouldContain("""<g class="bar" data-bar="县公安局"><text class="bar-label" x="232" y="22" text-anchor="end" dominant-baseline="middle">县公安局</text><rect x="240" y="13" width="184.6" height="18"></rect><text class="bar-value" x="430.6" y="22" dominant-baseline="middle">46.15</text></g>""");
        html.ShouldContain($"<a rel=\"prev\" href=\"/assessment/ranking?month={AssessmentPages.Shift(month, -1)}\">");
        html.ShouldContain("<input type=\"month\" id=\"month\" name=\"month\" value=\"" + month + "\"");
    }

    [Fact]
    public async Task the_ranking_page_follows_the_culture_cookie_into_english()
    {
        var county = await App.NewCountyAsync();
        var (_, month, _) = await GonganSignedFor(county);
        var browser = new PageBrowser(Host);
        await browser.GetAsync("/culture/en?returnUrl=%2F");

        var (response, html) = await Page(Tokens.Supervisor, $"/assessment/ranking?month={month}", county, browser);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain($"<h1>Monthly department ranking: {month}</h1>");
        html.ShouldContain(">Public Security</a></th><td>46.15</td><td>100%</td><td>0%</td><td>no data</td></tr>");
    }

    [Fact]
    public async Task the_scorecard_page_shows_each_rate_with_its_numerator_and_denominator_and_links_the_csv()
    {
        var county = await App.NewCountyAsync();
        var (_, month, _) = await GonganSignedFor(county);

        var (response, html) = await Page(Tokens.Gongan, $"/assessment/departments/gongan?month={month}", county);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<h1>县公安局 月度考核表：{month}</h1>");
        html.ShouldContain("本月排名第 1 名");
        html.ShouldContain("<span>得分 46.15</span>");
        html.ShouldContain("""<tr data-figure="response"><th scope="row">响应率</th><td>按时签收 1</td><td>应办 1</td><td>100%</td><td>30</td></tr>""");
        html.ShouldContain("""<tr data-figure="resolution"><th scope="row">解决率</th><td>按时反馈 0</td><td>应办 1</td><td>0%</td><td>35</td></tr>""");
        html.ShouldContain("""<tr data-figure="satisfaction"><th scope="row">满意率</th><td>满意和基本满意 0（满意 0，基本满意 0）</td><td>评价 0</td><td>无数据</td><td>35</td></tr>""");
        html.ShouldContain("""<rect x="240" y="13" width="400" height="18"></rect>""");
        html.ShouldContain($"href=\"/assessment/exports/{month}/gongan\" download");

        var (csv, _) = await Page(Tokens.Gongan, $"/assessment/exports/{month}/gongan", county);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        var bytes = await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var rows = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        rows[0].ShouldBe(string.Join(',', ScorecardCsv.Header));
        rows[1].ShouldStartWith($"{month},1,gongan,县公安局,46.15,1,0,,1,0,1,0,0,0,0,");
    }

    [Fact]
    public async Task a_department_officer_opening_another_departments_scorecard_gets_the_404_page_as_the_api_answers_404()
    {
        var county = await App.NewCountyAsync();
        var (_, month, _) = await GonganSignedFor(county);

        var (scorecard, html) = await Page(Tokens.Gongan, $"/assessment/departments/chengguan?month={month}", county);
        var (ranking, rankingHtml) = await Page(Tokens.Gongan, $"/assessment/ranking?month={month}", county);
        var (csv, _) = await Page(Tokens.Gongan, $"/assessment/exports/{month}/chengguan", county);

        scorecard.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("页面不存在");
        html.ShouldNotContain("data-figure=");
        await Send(Tokens.Gongan, x => x.Get.Url($"/api/assessment/departments/{month}/chengguan"), 404, county);
        ranking.StatusCode.ShouldBe(HttpStatusCode.OK);
        rankingHtml.ShouldContain("""<tr data-department="chengguan"><td>2</td><th scope="row">县城市管理局</th>""");
        csv.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Page(Tokens.Office, $"/assessment/departments/no-such-department?month={month}", county)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Page(Tokens.Community, $"/assessment/ranking?month={month}", county)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_malformed_month_is_400_with_the_apis_message_beside_the_month_picker()
    {
        var (response, html) = await Page(Tokens.Office, "/assessment/ranking?month=2026-13", AppFixture.County);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("""<p id="month-error" class="field-error" role="alert">月份应写作 yyyy-MM，如 2026-11（收到 2026-13）。A month written yyyy-MM, e.g. 2026-11 (got 2026-13).</p>""");
        html.ShouldContain("aria-invalid=\"true\" aria-describedby=\"month-error\"");
        html.ShouldNotContain("data-testid=\"ranking\"");
        (await Page(Tokens.Office, "/assessment/two-way?month=november", AppFixture.County)).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Page(Tokens.Office, "/assessment/departments/gongan?month=2026-1", AppFixture.County)).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task an_anonymous_visitor_is_sent_to_sign_in()
    {
        var (response, _) = await new PageBrowser(Host).GetAsync("/assessment/ranking");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith("/sign-in?ReturnUrl=%2Fassessment%2Franking");
    }

    [Fact]
    public async Task the_two_way_page_puts_the_departments_rating_of_the_sub_district_beside_its_rating_of_them()
    {
        var county = await App.NewCountyAsync();
        var (whistle, _, month) = await GonganSignedFor(county);
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/reply", new ReplyToAssignment("已到场处置"), county: county);
        await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/sign-for", Empty, county: county);
        await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/reply", new ReplyToAssignment("已清理"), county: county);
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/rate-whistler", new RateWhistler(4, 5), county: county);
        await AfterDaemon(() => Post(Tokens.Community, $"/api/whistles/{whistle}/conclude",
            new ConcludeWhistle([new("gongan", 5, null), new("chengguan", 3, null)]), county: county));
        await AfterDaemon(() => Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/rate-whistler",
            new RateWhistler(2, 3, "诉求部分不实"), county: county));

        var (response, html) = await Page(Tokens.Office, $"/assessment/two-way?month={month}", county);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<h1>双向交叉考核：{month}</h1>");
        html.ShouldContain("<h2 id=\"sd-SD01\">城关街道</h2>");
        html.ShouldContain("<p>社区评部门 2 次，平均 4 分；部门评社区 2 次，平均 3.5 分。</p>");
        html.ShouldContain("""<tr data-department="chengguan"><th scope="row">县城市管理局</th><td>1</td><td>3</td><td>1</td><td>2</td><td>3</td><td>2.5</td></tr>""");
        html.ShouldContain("""<tr data-department="gongan"><th scope="row">县公安局</th><td>1</td><td>5</td><td>1</td><td>4</td><td>5</td><td>4.5</td></tr>""");
        (await Page(Tokens.Gongan, $"/assessment/two-way?month={month}", county)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Page(Tokens.SubDistrict, $"/assessment/two-way?month={month}", county)).Html.ShouldContain("data-sub-district=\"SD01\"");
    }
}
