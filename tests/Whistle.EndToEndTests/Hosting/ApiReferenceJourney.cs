using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Whistle.EndToEndTests.Hosting;

/// <summary>The API reference a developer opens first: a page that draws itself with JavaScript.</summary>
public sealed class ApiReferenceJourney(WhistleApp app)
{
    [Fact]
    public async Task the_api_reference_draws_the_document_title_and_the_complaints_group_in_chromium()
    {
        await using var tab = await BrowserTab.OpenAsync(app);

        var response = await tab.Page.GotoAsync("docs/v1");

        response!.Status.ShouldBe(200);
        // Scalar draws the document after its script has fetched /openapi/v1.json: Playwright waits for it, up to a minute.
        var wait = new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 };
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Whistle 吹哨报到" }).First).ToBeVisibleAsync(wait);
        await Expect(tab.Page.GetByText("投诉 Complaints").First).ToBeVisibleAsync(wait);
        File.Exists(await tab.ScreenshotAsync()).ShouldBeTrue();
    }
}
