using System.Net.Http.Headers;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

using static Whistle.EndToEndTests.Journey;

namespace Whistle.EndToEndTests.History;

/// <summary>
/// An analyst reads what happened: a community worker lodges and accepts a complaint through the API, and 冯分析 signs
/// in, opens the case's timeline, moves it back to the moment of the lodging and sees the case as it stood then (the
/// acceptance marked later), opens what changed since, and the dashboards as of today.
/// </summary>
public sealed class AnalystJourney(WhistleApp app)
{
    [Fact]
    public async Task an_analyst_moves_a_case_back_to_before_its_acceptance_compares_the_two_moments_and_reads_the_dashboards()
    {
        var complaint = await LodgeAndAcceptAsync("3号楼前消防通道长期停放私家车。");
        await using var tab = await BrowserTab.OpenAsync(app);
        await SignInAsync(tab.Page, "analyst");

        await tab.Page.GotoAsync($"history/cases/{complaint}");
        await Expect(tab.Page.GetByTestId("case-state")).ToHaveTextAsync("办理中 (Accepted)");
        await tab.Page.Locator("[data-testid='timeline'] tbody tr").First.GetByRole(AriaRole.Link, new() { Name = "查看此步骤时的状态" }).ClickAsync();

        await Expect(tab.Page.GetByTestId("case-state")).ToHaveTextAsync("待受理 (Lodged)");
        await Expect(tab.Page.Locator("tr[data-later='true']")).ToHaveCountAsync(1);
        await Expect(tab.Page.Locator("tr[data-later='true'] .badge-later")).ToHaveTextAsync("之后");
        (await tab.Page.GetByLabel("查看时点（北京时间）").InputValueAsync()).ShouldNotBeEmpty();
        await tab.ScreenshotAsync();

        await tab.Page.GotoAsync($"history/cases/{complaint}");
        await tab.Page.GetByTestId("difference-link").ClickAsync();
        var status = tab.Page.Locator("tr[data-path='$.case.status']");
        await Expect(status.Locator("td")).ToHaveTextAsync(["修改", "Lodged", "Accepted"]);

        await tab.Page.GotoAsync("history/dashboards");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("历史看板");
        await Expect(tab.Page.GetByTestId("as-of")).ToContainTextAsync("日终");
        await tab.ScreenshotAsync();
    }

    [Theory]
    [InlineData("中文")]
    [InlineData("English")]
    public async Task the_timeline_the_difference_and_the_dashboards_have_no_accessibility_violations(string language)
    {
        var complaint = await LodgeAndAcceptAsync("楼道堆放杂物影响通行。");
        await using var tab = await BrowserTab.OpenAsync(app);
        await SignInAsync(tab.Page, "analyst");
        await tab.Page.GotoAsync($"history/cases/{complaint}");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = language, Exact = true }).ClickAsync();
        await Expect(tab.Page.GetByTestId("timeline")).ToBeVisibleAsync();

        var timeline = await tab.AccessibilityViolationsAsync();
        await tab.Page.GotoAsync($"history/cases/{complaint}/difference");
        await Expect(tab.Page.GetByTestId("difference")).ToBeVisibleAsync();
        var difference = await tab.AccessibilityViolationsAsync();
        await tab.Page.GotoAsync("history/dashboards");
        await Expect(tab.Page.GetByTestId("as-of")).ToBeVisibleAsync();
        var dashboards = await tab.AccessibilityViolationsAsync();

        timeline.ShouldBeEmpty();
        difference.ShouldBeEmpty();
        dashboards.ShouldBeEmpty();
    }

    /// <summary>
    /// Lodges a parking complaint in 东关花园 as the community worker of 东关社区 and accepts it, through the API with a
    /// development token from ops/token. Returns the complaint's id.
    /// </summary>
    private async Task<Guid> LodgeAndAcceptAsync(string description)
    {
        using var client = new HttpClient { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("community"));
        var lodged = await PostAsync(client, "api/complaints", new
        {
            channel = "GridPatrol", categoryId = "illegal-parking", compoundId = "CP010101",
            complainant = new { name = "王五", phone = "13900002222" }, description,
        });
        var complaint = lodged.GetProperty("id").GetGuid();
        await PostAsync(client, $"api/complaints/{complaint}/accept", new { });
        return complaint;
    }
}
