using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Shouldly;
using Whistle.Hosting;
using Whistle.Hosting.Web;

namespace Whistle.IntegrationTests.Web;

/// <summary>
/// Production sign-in to the pages goes to the county's OpenID Connect provider: the authorization code flow with PKCE,
/// back to a local page only; without a provider configured there is no such sign-in. Whistle's own identity wiring in a
/// bare host (the provider's metadata given, as its discovery document would give it).
/// </summary>
public sealed class PageProviderTests
{
    /// <summary>
    /// Production's bearer settings: an RSA public key of the test's own, an issuer and an audience; and no symmetric key
    /// (the assembly fixture's development key is in the process's environment, and Production refuses to start with one).
    /// </summary>
    private static Dictionary<string, string?> ProductionAuth()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var path = Path.Combine(Path.GetTempPath(), $"whistle-page-provider-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, rsa.ExportSubjectPublicKeyInfoPem());
        return new Dictionary<string, string?>
        {
            ["Whistle:Auth:SigningKey"] = "",
            ["Whistle:Auth:PublicKeyPath"] = path,
            ["Whistle:Auth:Issuer"] = "https://id.anlan.example",
            ["Whistle:Auth:Audience"] = "whistle",
        };
    }

    private static async Task<WebApplication> HostAsync(bool withProvider)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        var settings = ProductionAuth();
        if (withProvider)
        {
            settings["Whistle:Pages:OpenIdConnect:Authority"] = "https://id.anlan.example";
            settings["Whistle:Pages:OpenIdConnect:ClientId"] = "whistle-pages";
            settings["Whistle:Pages:OpenIdConnect:ClientSecret"] = "secret";
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddWhistleIdentity(builder.Configuration, development: false);
        builder.Services.Configure<OpenIdConnectOptions>(PageProvider.Scheme, o => o.Configuration = new OpenIdConnectConfiguration
        {
            Issuer = "https://id.anlan.example",
            AuthorizationEndpoint = "https://id.anlan.example/authorize",
            TokenEndpoint = "https://id.anlan.example/token",
            EndSessionEndpoint = "https://id.anlan.example/logout",
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPageProvider();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    [Fact]
    public async Task signing_in_goes_to_the_countys_provider_with_the_code_flow_and_pkce()
    {
        await using var app = await HostAsync(withProvider: true);
        using var client = app.GetTestServer().CreateClient();

        using var response = await client.GetAsync($"{PageProvider.SignInPath}?returnUrl=%2Fcomplaints", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe("https://id.anlan.example/authorize");
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        query["client_id"].ShouldBe("whistle-pages");
        query["response_type"].ShouldBe("code");
        query["code_challenge_method"].ShouldBe("S256");
        query["scope"].ShouldBe("openid profile");
        query["redirect_uri"].ShouldBe("http://localhost/signin-oidc");
    }

    [Fact]
    public async Task without_a_provider_there_is_no_provider_sign_in()
    {
        await using var app = await HostAsync(withProvider: false);
        using var client = app.GetTestServer().CreateClient();

        using var response = await client.GetAsync(PageProvider.SignInPath, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void the_session_carries_the_claims_a_bearer_token_carries_under_the_same_names()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var settings = ProductionAuth();
        settings["Whistle:Pages:OpenIdConnect:Authority"] = "https://id.anlan.example";
        settings["Whistle:Pages:OpenIdConnect:ClientId"] = "whistle-pages";
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddWhistleIdentity(config, development: false);

        var options = services.BuildServiceProvider().GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<OpenIdConnectOptions>>().Get(PageProvider.Scheme);

        options.MapInboundClaims.ShouldBeFalse();
        options.TokenValidationParameters.NameClaimType.ShouldBe("sub");
        options.TokenValidationParameters.RoleClaimType.ShouldBe("role");
        foreach (var claim in new[] { "name", "role", "county", "community", "sub_district", "department" })
            options.ClaimActions.Select(a => a.ClaimType).ShouldContain(claim);
        options.SignInScheme.ShouldBe("Cookies");
    }
}
