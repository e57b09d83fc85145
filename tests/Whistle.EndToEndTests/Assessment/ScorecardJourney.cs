using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

using static Whistle.EndToEndTests.Journey;

namespace Whistle.EndToEndTests.Assessment;

/// <summary>
/// The joint-meeting office reads the month's assessment: a whistle is blown and 公安 signs for it through the API (as
/// their own clients would), the office's 郑联席 signs in in the browser, opens the monthly ranking with its bar chart,
/// follows 县公安局 to its scorecard, and the three assessment pages pass axe in Chinese and in English.
/// </summary>
public sealed class ScorecardJourney(WhistleApp app)
{
    /// <summary>The county's month now (China time), the one the pages open on.</summary>
    private static string CurrentMonth => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task the_office_opens_the_ranking_and_follows_a_department_to_its_scorecard()
    {
        await SeedScorecardAsync();
        await using var tab = await BrowserTab.OpenAsync(app);
        await SignInAsync(tab.Page, "office");

        await tab.Page.GotoAsync("assessment/ranking");

        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"部门月度考核排名：{CurrentMonth}");
        await Expect(tab.Page.Locator("svg[role='img'] title")).ToHaveTextAsync($"{CurrentMonth} 各部门考核得分");
        await Expect(tab.Page.Locator("g.bar[data-bar='县公安局'] text.bar-label")).ToHaveTextAsync("县公安局");
        var gongan = tab.Page.GetByTestId("ranking").Locator("tr[data-department='gongan']");
        await Expect(gongan).ToBeVisibleAsync();

        await gongan.GetByRole(AriaRole.Link, new() { Name = "县公安局" }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"县公安局 月度考核表：{CurrentMonth}");
        tab.Page.Url.ShouldEndWith($"/assessment/departments/gongan?month={CurrentMonth}");
        await Expect(tab.Page.Locator("tr[data-figure='response'] th")).ToHaveTextAsync("响应率");
        await Expect(tab.Page.Locator("tr[data-figure='response'] td").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^按时签收 [1-9]\d*$"));
        await Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "下载本考核表（CSV）" })).ToHaveAttributeAsync("href", $"/assessment/exports/{CurrentMonth}/gongan");
        await tab.ScreenshotAsync();

        // The download runs in the page's own session (the browser's cookie), which /api would not accept.
        var csv = await tab.Page.APIRequest.GetAsync($"assessment/exports/{CurrentMonth}/gongan");
        csv.Status.ShouldBe(200);
        csv.Headers["content-type"].ShouldBe("text/csv; charset=utf-8");
        (await csv.TextAsync()).ShouldContain(",gongan,县公安局,");
    }

    [Theory]
    [InlineData("中文")]
    [InlineData("English")]
    public async Task the_ranking_the_scorecard_and_the_two_way_pages_have_no_accessibility_violations(string language)
    {
        await using var tab = await BrowserTab.OpenAsync(app);
        await SignInAsync(tab.Page, "office");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = language, Exact = true }).ClickAsync();

        foreach (var (path, ready) in new[]
                 {
                     ("assessment/ranking", "[data-testid='ranking']"),
                     ("assessment/departments/gongan", "[data-testid='figures']"),
                     ("assessment/two-way", "h1"),
                 })
        {
            await tab.Page.GotoAsync(path);
            await Expect(tab.Page.Locator(ready).First).ToBeVisibleAsync();
            await Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", language == "English" ? "en" : "zh-CN");

            var violations = await tab.AccessibilityViolationsAsync();

            violations.ShouldBeEmpty(path);
        }
    }

    /// <summary>
    /// A parking whistle in 东关花园 (to 公安 and 城管) that 公安 signs for, through the API with development tokens from
    /// ops/token; then the administrator rebuilds the scorecards, which answers once the daemon has replayed every event
    /// so far — the pages read a scorecard that is up to date, with no waiting on the daemon's own pace.
    /// </summary>
    private async Task SeedScorecardAsync()
    {
        using var community = await app.ClientAsync("community");
        var lodged = await PostAsync(community, "api/complaints", new
        {
            channel = "GridPatrol", categoryId = "illegal-parking", compoundId = "CP010101",
            complainant = new { name = "王五", phone = "13900002222" }, description = "东关花园北门消防通道被私家车占用。",
        });
        var complaint = lodged.GetProperty("id").GetGuid();
        await PostAsync(community, $"api/complaints/{complaint}/accept", new { });
        var whistle = (await PostAsync(community, $"api/complaints/{complaint}/whistle", new { need = "请公安、城管到场处置占用消防通道车辆" }))
            .GetProperty("whistleId").GetGuid();
        using var gongan = await app.ClientAsync("gongan");
        await PostAsync(gongan, $"api/whistles/{whistle}/assignments/gongan/sign-for", new { });
        using var admin = await app.ClientAsync("admin");
        await PostAsync(admin, "api/admin/projections/ScoredAssignment/rebuild", new { });
    }
}
