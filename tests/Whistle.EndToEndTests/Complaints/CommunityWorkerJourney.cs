using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

using static Whistle.EndToEndTests.Journey;

namespace Whistle.EndToEndTests.Complaints;

/// <summary>
/// A community worker's day in the browser: 李社工 of 东关社区 lodges a resident's complaint (finds 东关花园 by typing 东关,
/// picks the category, previews where the catalogue will route it, lodges), accepts it, blows the whistle and finds it in
/// the community's case list; a worker of another community meets the 404 page for it. The three pages pass axe in
/// Chinese and in English.
/// </summary>
public sealed class CommunityWorkerJourney(WhistleApp app)
{
    [Fact]
    public async Task the_community_worker_lodges_accepts_and_whistles_and_finds_the_case_in_the_list()
    {
        var words = "东门消防通道 " + Guid.NewGuid().ToString("N")[..6];
        await using var tab = await BrowserTab.OpenAsync(app);
        var page = tab.Page;
        await SignInAsync(page, "community");

        await page.GotoAsync("complaints/new");
        await page.GetByLabel("查找小区").FillAsync("东关");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
        await page.GetByLabel("东关花园").CheckAsync();
        await page.GetByLabel("投诉类别", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "乱停乱放" });
        await page.GetByLabel("投诉人姓名").FillAsync("王五");
        await page.GetByLabel("投诉人电话").FillAsync("13700002222");
        await page.GetByLabel("投诉内容").FillAsync(words + "，私家车长期占用。");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览派单" }).ClickAsync();

        await Expect(page.GetByTestId("preview-lead")).ToHaveTextAsync("县公安局");
        await Expect(page.GetByTestId("preview-co-handling")).ToHaveTextAsync("县城市管理局");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已登记。");
        var number = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Replace("投诉 ", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已受理。");
        await page.GetByLabel("吹哨事由").FillAsync("请公安、城管到场处置占用消防通道的车辆。");
        await page.GetByRole(AriaRole.Button, new() { Name = "吹哨", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已吹哨，部门将签收办理。");
        await Expect(page.GetByTestId("whistle-link")).ToHaveTextAsync("吹哨：县公安局、县城市管理局");
        (await tab.AccessibilityViolationsAsync()).ShouldBeEmpty();
        await tab.ScreenshotAsync();

        await page.GotoAsync("complaints?q=" + Uri.EscapeDataString(number));
        var row = page.GetByTestId("complaints").GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(row.GetByTestId("status-badge")).ToHaveTextAsync("办理中");
        (await tab.AccessibilityViolationsAsync()).ShouldBeEmpty();

        await page.GotoAsync("complaints/new?q=" + Uri.EscapeDataString("东关"));
        (await tab.AccessibilityViolationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task in_english_the_pages_pass_axe_and_another_community_meets_the_404_page()
    {
        var complaint = await LodgeAsync("楼道堆放杂物堵塞消防通道。");
        await using var tab = await BrowserTab.OpenAsync(app);
        var page = tab.Page;
        await SignInAsync(page, "community");
        await page.GotoAsync($"complaints/{complaint}");
        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true })).ToBeVisibleAsync();
        (await tab.AccessibilityViolationsAsync()).ShouldBeEmpty();
        await page.GotoAsync("complaints");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Complaints in my area");
        (await tab.AccessibilityViolationsAsync()).ShouldBeEmpty();
        await page.GotoAsync("complaints/new?q=" + Uri.EscapeDataString("东关"));
        await page.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Illegal parking" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the routing" }).ClickAsync();
        await Expect(page.GetByTestId("preview-lead")).ToHaveTextAsync("Public Security");
        (await tab.AccessibilityViolationsAsync()).ShouldBeEmpty();

        await using var other = await BrowserTab.OpenAsync(app);
        await SignInAsync(other.Page, "community2");
        var response = await other.Page.GotoAsync($"complaints/{complaint}");

        response!.Status.ShouldBe(404);
        await Expect(other.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("页面不存在");
    }

    /// <summary>Lodges a parking complaint in 东关花园 as 东关社区's worker through the API (ops/token); returns its id.</summary>
    private async Task<Guid> LodgeAsync(string description)
    {
        using var client = new HttpClient { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("community"));
        using var response = await client.PostAsJsonAsync("api/complaints", new
        {
            channel = "Hotline", categoryId = "illegal-parking", compoundId = "CP010101",
            complainant = new { name = "赵六", phone = "13900003333" }, description,
        });
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST api/complaints answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}
