using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Whistle.Kernel;

namespace Whistle.Hosting.Web;

/// <summary>
/// Production sign-in to the pages: OpenID Connect against the county's identity provider
/// (<c>Whistle:Pages:OpenIdConnect</c>: <c>Authority</c>, <c>ClientId</c>, <c>ClientSecret</c>). The authorization code
/// flow with PKCE; the provider's ID token (and its user-info) must carry the claims a bearer token carries — <c>sub</c>,
/// <c>name</c>, <c>role</c>, <c>county</c> and the user's <c>community</c>, <c>sub_district</c> or <c>department</c> —
/// under the same names; a person without a county or a role is not signed in. The session is then the same cookie as
/// the development sign-in's, and /api keeps bearer tokens.
/// </summary>
public static class PageProvider
{
    public const string Section = "Whistle:Pages:OpenIdConnect", Scheme = "oidc", SignInPath = "/sign-in/provider";

    public static void Configure(OpenIdConnectOptions o, IConfigurationSection provider)
    {
        o.Authority = provider["Authority"];
        o.ClientId = provider["ClientId"];
        o.ClientSecret = provider["ClientSecret"];
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.SignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.CallbackPath = "/signin-oidc";
        o.SignedOutCallbackPath = "/signout-callback-oidc";
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.SaveTokens = false;
        o.Scope.Clear();
        foreach (var scope in (provider["Scopes"] ?? "openid profile").Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(scope);
        o.TokenValidationParameters.NameClaimType = WhistleClaims.Subject;
        o.TokenValidationParameters.RoleClaimType = WhistleClaims.Role;
        o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
        foreach (var claim in new[] { WhistleClaims.Name, WhistleClaims.Role, WhistleClaims.County, WhistleClaims.Community, WhistleClaims.SubDistrict, WhistleClaims.Department })
            o.ClaimActions.MapUniqueJsonKey(claim, claim);
        o.Events = new OpenIdConnectEvents
        {
            OnTicketReceived = context =>
            {
                if (context.Principal?.FindFirst(WhistleClaims.County) is null || context.Principal.FindFirst(WhistleClaims.Role) is null)
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    context.HandleResponse();
                    return context.Response.WriteAsync("身份提供方未给出县与角色，无法登录。The identity provider named no county and role for you.");
                }
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Whether the county's provider is configured (its scheme registered).</summary>
    public static async Task<bool> ConfiguredAsync(IServiceProvider services) =>
        await services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(Scheme) is not null;

    /// <summary><c>GET /sign-in/provider?returnUrl=</c>: off to the provider, back to the local page; 404 when no provider is configured.</summary>
    public static void MapPageProvider(this WebApplication app) =>
        app.MapGet(SignInPath, async (HttpContext http, string? returnUrl) =>
            await ConfiguredAsync(http.RequestServices)
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = WebLocalization.LocalReturnUrl(returnUrl) }, [Scheme])
                : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
}
