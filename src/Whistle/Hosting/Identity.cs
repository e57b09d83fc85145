using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>
/// JWT bearer authentication. A county's identity provider plugs in through <c>Whistle:Auth:Authority</c> (OIDC);
/// without one, tokens are checked against <c>Whistle:Auth:SigningKey</c> (HS256) — development mints those with
/// <c>ops/token</c>. Every request to /api needs a token that names the user's county.
/// </summary>
public static class Identity
{
    public static IServiceCollection AddWhistleIdentity(this IServiceCollection services, IConfiguration config)
    {
        var auth = config.GetSection("Whistle:Auth");
        var authority = auth["Authority"];
        var signingKey = auth["SigningKey"];
        if (string.IsNullOrEmpty(authority) && (signingKey is null || signingKey.Length < 32))
            throw new InvalidOperationException(
                "Set Whistle:Auth:Authority (the county's OIDC provider) or Whistle:Auth:SigningKey (at least 32 characters).");

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            if (!string.IsNullOrEmpty(authority)) o.Authority = authority;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth["Issuer"],
                ValidAudience = auth["Audience"],
                ValidateIssuer = !string.IsNullOrEmpty(auth["Issuer"]),
                IssuerSigningKey = string.IsNullOrEmpty(authority) ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey!)) : null,
                NameClaimType = WhistleClaims.Subject,
                RoleClaimType = WhistleClaims.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(WhistleClaims.County)
                .Build());
        return services;
    }
}
