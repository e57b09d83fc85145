using System.Net.Http.Headers;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

using static Whistle.EndToEndTests.Journey;

namespace Whistle.EndToEndTests.Whistles;

/// <summary>
/// A department officer's day starts at the inbox: a community blows a whistle through the API (as the community's own
/// client would), and 城管's officer signs in in the browser, finds the new assignment in the inbox with its due times in
/// Beijing time and an on-time badge, reads it in English too, and cannot open another department's inbox.
/// </summary>
public sealed class DepartmentInboxJourney(WhistleApp app)
{
    [Fact]
    public async Task an_officer_signs_in_and_finds_the_whistle_blown_on_the_department_in_the_inbox()
    {
        var whistle = await BlowWhistleAsync("东门外消防通道被货车占用，请城管、公安到场。");
        await using var tab = await BrowserTab.OpenAsync(app);

        await SignInAsync(tab.Page, "chengguan");
        await tab.Page.GotoAsync("departments/chengguan/inbox");

        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("部门待办：县城市管理局");
        var row = tab.Page.Locator($"tr[data-whistle='{whistle}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("due-badge")).ToHaveTextAsync("正常");
        await tab.ScreenshotAsync();

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Department inbox: Urban Management");
        await Expect(tab.Page.Locator($"tr[data-whistle='{whistle}']").GetByTestId("due-badge")).ToHaveTextAsync("On time");
    }

    [Fact]
    public async Task an_officer_signs_for_the_whistle_and_replies_with_evidence_in_the_browser()
    {
        var whistle = await BlowWhistleAsync("小区北门消防通道堆放杂物，请城管清理。");
        await using var tab = await BrowserTab.OpenAsync(app);
        await SignInAsync(tab.Page, "chengguan");
        await tab.Page.GotoAsync("departments/chengguan/inbox");

        await tab.Page.Locator($"tr[data-whistle='{whistle}'] a").ClickAsync();
        var mine = tab.Page.Locator("tr[data-department='chengguan']");
        await Expect(mine.GetByTestId("status")).ToHaveTextAsync("待签收");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "签收", Exact = true }).ClickAsync();

        await Expect(tab.Page.GetByTestId("done")).ToHaveTextAsync("已签收。");
        await Expect(mine.GetByTestId("status")).ToHaveTextAsync("办理中");
        await tab.Page.GetByLabel("办理结果").FillAsync("已清理北门消防通道杂物，并告知物业每日巡查。");
        await tab.Page.GetByLabel("证据（照片、文书的编号或链接）").FillAsync("现场照片-0412\n整改通知书-0413");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "提交反馈" }).ClickAsync();

        await Expect(tab.Page.GetByTestId("done")).ToHaveTextAsync("已反馈办理结果。");
        await Expect(mine.GetByTestId("status")).ToHaveTextAsync("已反馈");
        await Expect(mine.Locator(".evidence li")).ToHaveTextAsync(["现场照片-0412", "整改通知书-0413"]);
        await tab.ScreenshotAsync();
    }

    [Fact]
    public async Task another_departments_inbox_is_the_page_that_does_not_exist()
    {
        await using var tab = await BrowserTab.OpenAsync(app);
        await SignInAsync(tab.Page, "gongan");

        var response = await tab.Page.GotoAsync("departments/chengguan/inbox");

        response!.Status.ShouldBe(404);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("页面不存在");
    }

    [Theory]
    [InlineData("中文")]
    [InlineData("English")]
    public async Task the_inbox_and_the_whistle_page_have_no_accessibility_violations(string language)
    {
        var whistle = await BlowWhistleAsync("小区内违章搭建影响消防通行。");
        await using var tab = await BrowserTab.OpenAsync(app);
        await SignInAsync(tab.Page, "chengguan");
        await tab.Page.GotoAsync("departments/chengguan/inbox");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = language, Exact = true }).ClickAsync();
        await Expect(tab.Page.GetByTestId("inbox")).ToBeVisibleAsync();

        var inbox = await tab.AccessibilityViolationsAsync();
        await tab.Page.GotoAsync($"whistles/{whistle}");
        await Expect(tab.Page.GetByTestId("assignments")).ToBeVisibleAsync();
        var whistlePage = await tab.AccessibilityViolationsAsync();

        inbox.ShouldBeEmpty();
        whistlePage.ShouldBeEmpty();
    }

    /// <summary>
    /// Lodges, accepts and whistles on a parking complaint in 东关花园 as the community worker of 东关社区, through the API
    /// with a development token from ops/token; the catalogue routes it to 公安 (lead) and 城管. Returns the whistle's id.
    /// </summary>
    private async Task<Guid> BlowWhistleAsync(string need)
    {
        using var client = new HttpClient { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("community"));
        var lodged = await PostAsync(client, "api/complaints", new
        {
            channel = "GridPatrol", categoryId = "illegal-parking", compoundId = "CP010101",
            complainant = new { name = "李四", phone = "13900001111" }, description = need,
        });
        var complaint = lodged.GetProperty("id").GetGuid();
        await PostAsync(client, $"api/complaints/{complaint}/accept", new { });
        var whistle = await PostAsync(client, $"api/complaints/{complaint}/whistle", new { need });
        return whistle.GetProperty("whistleId").GetGuid();
    }
}
