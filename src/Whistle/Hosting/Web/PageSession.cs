using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Staff;
using Whistle.Kernel;

namespace Whistle.Hosting.Web;

/// <summary>
/// The pages' cookie session. In Development a person signs in as one of the sample county's staff (samples/county/users.tsv)
/// and carries the same claims a token of that user carries; in production through the county's OpenID Connect provider
/// (<see cref="PageProvider"/>) when <c>Whistle:Pages:OpenIdConnect</c> names it; outside Development the sample staff's
/// sign-in does not exist. Signing out is a POST with an antiforgery token.
/// </summary>
public static class PageSession
{
    public const string SignInPath = "/sign-in", SignOutPath = "/sign-out";

    /// <summary>The claims of a sample user: sub, name, role, county and the area or department they work for.</summary>
    public static ClaimsPrincipal PrincipalOf(SampleStaff.Row row)
    {
        var claims = new List<Claim>
        {
            new(WhistleClaims.Subject, row.UserId),
            new(WhistleClaims.Name, row.Info.Name),
            new(WhistleClaims.Role, row.Info.Role),
            new(WhistleClaims.County, row.County),
        };
        if (row.Info.SubDistrictCode is { } subDistrict) claims.Add(new(WhistleClaims.SubDistrict, subDistrict));
        if (row.Info.CommunityCode is { } community) claims.Add(new(WhistleClaims.Community, community));
        if (row.Info.DepartmentCode is { } department) claims.Add(new(WhistleClaims.Department, department));
        return new ClaimsPrincipal(new ClaimsIdentity(
            claims, CookieAuthenticationDefaults.AuthenticationScheme, WhistleClaims.Subject, WhistleClaims.Role));
    }

    public static void MapPageSession(this WebApplication app) =>
        app.MapPost(SignOutPath, async (HttpContext http, [FromForm] string? returnUrl) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            // Signed in through the county's provider: end its session too, and come back to the page.
            if (await PageProvider.ConfiguredAsync(http.RequestServices) && http.User.FindFirst("iss") is not null)
                return Results.SignOut(new AuthenticationProperties { RedirectUri = WebLocalization.LocalReturnUrl(returnUrl) }, [PageProvider.Scheme]);
            return Results.LocalRedirect(WebLocalization.LocalReturnUrl(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
}
