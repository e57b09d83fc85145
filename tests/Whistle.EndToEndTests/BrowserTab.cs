using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Whistle.EndToEndTests;

/// <summary>
/// A test's own browser context (cookies, storage and settings of its own) with one page, whose base URL is the
/// service's. Disposing it closes the context.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly IBrowserContext context;

    private BrowserTab(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Opens a new context on <paramref name="app"/>; <paramref name="options"/> may turn JavaScript off, set a locale, ….</summary>
    public static async Task<BrowserTab> OpenAsync(WhistleApp app, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = app.BaseUrl.ToString();
        var context = await app.Browser.NewContextAsync(options);
        return new BrowserTab(context, await context.NewPageAsync());
    }

    /// <summary>
    /// Saves the whole page as <c>.whistle/screenshots/&lt;Class&gt;.&lt;test&gt;.png</c> under the checkout (kept as the
    /// run's artifact) and returns the file's path.
    /// </summary>
    public async Task<string> ScreenshotAsync()
    {
        var test = TestContext.Current;
        var name = $"{test.TestClass?.TestClassSimpleName ?? "Test"}.{test.TestMethod?.MethodName ?? "page"}.png";
        var path = Path.Combine(Repository.Root, ".whistle", "screenshots", name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// Runs axe (Deque.AxeCore.Playwright, WCAG rules and axe's best practices) on the page as it is now, and returns each
    /// violation as one line: the rule, its impact, what it asks, and the elements that break it. A page passes with none.
    /// </summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe();
        return result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();
    }

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}
