using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Whistle.EndToEndTests.Hosting;

/// <summary>
/// The pages everyone meets: the sign-in list of sample staff, then the home page with the user's work pages in the
/// navigation; and the what-if page an analyst reaches from there. Each scanned with axe in Chinese and English.
/// </summary>
public sealed class EveryoneJourney(WhistleApp app)
{
    [Theory]
    [InlineData("中文")]
    [InlineData("English")]
    public async Task the_sign_in_the_home_page_and_the_what_if_page_have_no_accessibility_violations(string language)
    {
        await using var tab = await BrowserTab.OpenAsync(app);
        await tab.Page.GotoAsync("sign-in");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = language, Exact = true }).ClickAsync();
        var signIn = await tab.AccessibilityViolationsAsync();

        await tab.Page.Locator("button[name='UserId'][value='analyst']").ClickAsync();
        await Expect(tab.Page.GetByTestId("signed-in-user")).ToHaveTextAsync("冯分析");
        var home = await tab.AccessibilityViolationsAsync();
        await tab.Page.Locator("[data-testid='work-pages'] a[href='/history/what-if']").ClickAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var whatIf = await tab.AccessibilityViolationsAsync();

        signIn.ShouldBeEmpty();
        home.ShouldBeEmpty();
        whatIf.ShouldBeEmpty();
    }
}
