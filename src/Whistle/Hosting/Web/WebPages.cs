using System.Resources;
using Whistle.Kernel.Web;
using System.Text.Encodings.Web;
using System.Text.Unicode;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace Whistle.Hosting.Web;

/// <summary>
/// The web pages, served by the same host as the API: Razor components rendered on the server only (no interactive
/// mode, so every page works without JavaScript), Chinese first with English, a cookie session, antiforgery on every form.
/// </summary>
public static class WebPages
{
    public static WebApplicationBuilder AddWhistlePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // The default encoder's safe list is Basic Latin only: without this every Chinese character leaves as &#x…;.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddLocalization();
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton<PageCommands>();
        return builder;
    }

    /// <summary>
    /// The pages' culture from the culture cookie. Not for /api: its answers are bilingual already and keep the
    /// process's culture, so that a page cookie cannot change how the API formats anything.
    /// </summary>
    public static WebApplication UseWhistleLocalization(this WebApplication app)
    {
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages => pages.UseRequestLocalization(WebLocalization.Options()));
        return app;
    }

    /// <summary>After authorization: antiforgery, the static assets, the culture switch, sign-in/out and the pages.</summary>
    public static WebApplication MapWhistlePages(this WebApplication app)
    {
        app.UseAntiforgery();
        // The manifest is named after this assembly, not the entry one: a host built elsewhere (the simulator, a test
        // host) serves the same assets.
        app.MapStaticAssets($"{typeof(WebPages).Assembly.GetName().Name}.staticwebassets.endpoints.json").AllowAnonymous();
        app.MapCultureSwitch();
        app.MapPageSession();
        app.MapPageProvider();
        app.MapRazorComponents<App>().ExcludeFromDescription();
        return app;
    }
}
