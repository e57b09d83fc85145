using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Whistle.Kernel;

namespace Whistle.Hosting.Web;

/// <summary>
/// Chinese first: the pages are in zh-CN whatever the browser asks for; only the language switch's cookie turns them
/// to English. <c>GET /culture/{culture}?returnUrl=</c> sets that cookie and goes back — to a page of this site only.
/// </summary>
public static class WebLocalization
{
    public const string Chinese = "zh-CN", English = "en";

    public static readonly string[] Cultures = [Chinese, English];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Chinese)
            .AddSupportedCultures(Cultures)
            .AddSupportedUICultures(Cultures);
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>
    /// Where the switch may send the browser back to: a path of this site (<c>/…</c>, not <c>//host</c> nor <c>/\host</c>,
    /// which browsers read as another site); anything else, or nothing, is the home page. Pure.
    /// </summary>
    public static string LocalReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/'
            && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(char.IsControl)
            ? url
            : "/";

    public static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (!Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
                return Results.Problem(Problems.NotFound($"没有语言 {culture}（可选：zh-CN、en）。", $"No language {culture} (zh-CN or en)."));
            var chosen = Cultures.First(c => c.Equals(culture, StringComparison.OrdinalIgnoreCase));
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(chosen))),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalReturnUrl(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
}
