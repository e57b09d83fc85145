using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>
/// JWT bearer authentication, configured by <c>Whistle:Auth</c> (<see cref="AuthSettings"/>, checked at start): the
/// county's OpenID Connect provider (<c>Authority</c>, keys from its metadata) or its public key (<c>PublicKeyPath</c>),
/// a required issuer and audience, at most a minute of clock skew, asymmetric algorithms only and <c>exp</c> required.
/// Development alone also accepts HS256 tokens signed with <c>Whistle:Auth:SigningKey</c>, which <c>ops/token</c> mints;
/// that key set anywhere else stops the start. Every request to /api needs a token that names the user's county. The web
/// pages use a cookie session instead (<see cref="Web.PageSession"/>): a policy scheme picks bearer for /api and for any
/// request with an Authorization header, the cookie for the rest. So /api accepts bearer tokens only; a page cookie there is 401.
/// </summary>
public static class Identity
{
    public const string BearerOrCookie = "BearerOrCookie";

    public static IServiceCollection AddWhistleIdentity(this IServiceCollection services, IConfiguration config, bool development)
    {
        var settings = AuthSettings.Read(config, development);
        services.AddSingleton(settings);

        var authentication = services.AddAuthentication(BearerOrCookie);
        authentication
            .AddPolicyScheme(BearerOrCookie, "Bearer for /api, cookie for pages", o => o.ForwardDefaultSelector = SchemeOf)
            .AddCookie(o =>
            {
                o.Cookie.Name = "whistle.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = Web.PageSession.SignInPath;
                o.LogoutPath = Web.PageSession.SignOutPath;
                // A working day; it slides while the user keeps working.
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
            })
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                if (settings.Authority is { } authority)
                {
                    o.Authority = authority;
                    o.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                }
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ValidAlgorithms = settings.Algorithms,
                    IssuerSigningKeys = new SecurityKey?[] { settings.PublicKey, settings.DevelopmentKey }.OfType<SecurityKey>().ToArray(),
                    NameClaimType = WhistleClaims.Subject,
                    RoleClaimType = WhistleClaims.Role,
                    ClockSkew = settings.ClockSkew,
                };
                o.Events = new JwtBearerEvents { OnChallenge = ChallengeAsync, OnForbidden = ForbidAsync, OnTokenValidated = KnownCountyAsync };
            });
        if (config.GetSection(Web.PageProvider.Section) is var provider && !string.IsNullOrEmpty(provider["Authority"]))
            authentication.AddOpenIdConnect(Web.PageProvider.Scheme, "县统一身份认证 County identity provider", o => Web.PageProvider.Configure(o, provider));
        // Real hours, not the county's clock: a simulation or a test moving the clock ahead ends no one's session. After
        // the framework's own post-configuration, which gives every scheme the application's TimeProvider.
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.TimeProvider = TimeProvider.System);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(WhistleClaims.County)
                .Build());
        return services;
    }

    /// <summary>Bearer for /api and for a request that brings an Authorization header; the page cookie for everything else.</summary>
    public static string SchemeOf(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Headers.Authorization.Count > 0
            ? JwtBearerDefaults.AuthenticationScheme
            : CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>
    /// With a database per county (<see cref="CountyDatabases"/>), a token for a county that no database holds is refused
    /// (401, the token is not valid) rather than failing inside Marten's tenancy.
    /// </summary>
    private static Task KnownCountyAsync(TokenValidatedContext context)
    {
        var counties = context.HttpContext.RequestServices.GetRequiredService<CountyDatabases>();
        if (context.Principal?.FindFirst(WhistleClaims.County)?.Value is { } county && !counties.Holds(county))
            context.Fail($"No database holds the county '{county}'.");
        return Task.CompletedTask;
    }

    /// <summary>401 with a Chinese then English ProblemDetails saying whether the token is missing, expired or invalid; <c>WWW-Authenticate</c> kept.</summary>
    private static Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var (zh, en, header) = context.AuthenticateFailure switch
        {
            null => ("需要访问令牌（Authorization: Bearer …）。", "A bearer token is required (Authorization: Bearer …).", "Bearer"),
            SecurityTokenExpiredException => ("访问令牌已过期，请重新获取。", "The bearer token has expired; get a new one.",
                "Bearer error=\"invalid_token\", error_description=\"The token expired\""),
            _ => ("访问令牌无效。", "The bearer token is not valid.", "Bearer error=\"invalid_token\""),
        };
        context.Response.Headers.WWWAuthenticate = header;
        return ProblemAnswers.WriteAsync(context.HttpContext, new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "未认证 Unauthorized",
            Detail = $"{zh}{en}",
        });
    }

    /// <summary>403 with a Chinese then English ProblemDetails: the token is good, the user's role may not do this.</summary>
    private static Task ForbidAsync(ForbiddenContext context) =>
        ProblemAnswers.WriteAsync(context.HttpContext, Problems.Forbidden("您的角色不能执行此操作。", "Your role may not do this."));
}
