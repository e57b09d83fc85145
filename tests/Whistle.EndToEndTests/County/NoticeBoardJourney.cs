using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Whistle.EndToEndTests.County;

/// <summary>
/// The printable notice board a community worker opens without signing in, prints and posts in the compound: 东关花园
/// (CP010101) of the sample county 安澜县 (<c>anlan</c>).
/// </summary>
public sealed class NoticeBoardJourney(WhistleApp app)
{
    private const string Board = "notice-boards/anlan/CP010101";

    [Fact]
    public async Task the_notice_board_renders_in_chinese_without_javascript()
    {
        await using var tab = await BrowserTab.OpenAsync(app, new() { JavaScriptEnabled = false, Locale = "en-US" });

        var response = await tab.Page.GotoAsync(Board);

        response!.Status.ShouldBe(200);
        (await tab.Page.GetAttributeAsync("html", "lang")).ShouldBe("zh-CN");
        await Expect(tab.Page).ToHaveTitleAsync("东关花园 部门职责公示牌");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("东关花园 部门职责公示牌");
        await Expect(tab.Page.Locator("p.sub")).ToHaveTextAsync("城关街道 · 东关社区 · 迎宾大道389号");
        var housing = tab.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "县住房和城乡建设局" });
        await Expect(housing).ToContainTextAsync("周科长");
        await Expect(housing).ToContainTextAsync("0371-6881 2299");
        await Expect(tab.Page.Locator("p.foot")).ToContainTextAsync("业主委员会任期：2022-05-26 至 2027-05-25。");
        await Expect(tab.Page.Locator("p.foot")).ToContainTextAsync("市民服务热线：12345");
        File.Exists(await tab.ScreenshotAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task the_notice_board_has_no_accessibility_violations()
    {
        await using var tab = await BrowserTab.OpenAsync(app);
        await tab.Page.GotoAsync(Board);

        var violations = await tab.AccessibilityViolationsAsync();

        violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task every_request_of_the_notice_board_goes_to_the_service_itself()
    {
        await using var tab = await BrowserTab.OpenAsync(app);
        var requested = new List<string>();
        tab.Page.Request += (_, request) => { lock (requested) requested.Add(request.Url); };

        await tab.Page.GotoAsync(Board, new() { WaitUntil = WaitUntilState.NetworkIdle });

        requested.ShouldNotBeEmpty();
        requested.Select(url => new Uri(url).GetLeftPart(UriPartial.Authority) + "/").Distinct()
            .ShouldBe([app.BaseUrl.ToString()]);
    }
}
