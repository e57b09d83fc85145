using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;
using Whistle.Notifications;
using Wolverine;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// Whistle in Production, as a county runs it: bearer tokens checked against an RSA public key (<c>Whistle:Auth:PublicKeyPath</c>,
/// a PEM file made here), issuer and audience required. A host of its own on fresh databases of its own — the main one
/// (the sample county, Wolverine's nodes) and one for another county, so that counties are static and a token for a county
/// no database holds is refused — never the shared test database, whose projections this host's daemon would stop.
/// </summary>
public sealed class ProductionIdentityHost : IAsyncLifetime
{
    public const string Issuer = "https://id.anlan.example/realms/county", Audience = "whistle-api", OtherCounty = "idother";

    public IAlbaHost Host { get; private set; } = null!;
    public string Main { get; private set; } = "";
    public string Other { get; private set; } = "";
    public RSA Key { get; } = RSA.Create(2048);
    public string PublicKeyPath { get; } = Path.Combine(Path.GetTempPath(), $"whistle-identity-{Guid.NewGuid():N}.pem");

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(PublicKeyPath, Key.ExportSubjectPublicKeyInfoPem());
        Main = await TestDatabases.FreshAsync("whistle_identity_main");
        Other = await TestDatabases.FreshAsync("whistle_identity_other");
        Host = await AlbaHost.For<Program>(x =>
        {
            x.UseEnvironment("Production");
            // Settings reach Program as command-line arguments: above the environment the assembly fixture set (its
            // development signing key among them, which this host must not be given).
            x.UseSetting("Whistle:Auth:SigningKey", "");
            x.UseSetting("Whistle:Auth:PublicKeyPath", PublicKeyPath);
            x.UseSetting("Whistle:Auth:Issuer", Issuer);
            x.UseSetting("Whistle:Auth:Audience", Audience);
            x.UseSetting("ConnectionStrings:Whistle", Main);
            x.UseSetting($"Whistle:Counties:{OtherCounty}:Database", Other);
            x.UseSetting("Whistle:SampleCounty", "samples/county/county.json");
            x.ConfigureServices(services =>
            {
                services.AddSingleton<INoticeGateway>(new FakeNoticeGateway());
                services.ConfigureWolverine(opts => opts.Durability.Mode = DurabilityMode.Solo);
                services.DisableAllExternalWolverineTransports();
            });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Key.Dispose();
        File.Delete(PublicKeyPath);
    }
}

/// <summary>
/// Issue 18's bad tokens against a Production host: each is 401 with a ProblemDetails in Chinese then English and
/// <c>WWW-Authenticate</c>, and reaches no handler — a lodging sent with it appends nothing in any database. The same
/// lodging with a token signed by the county's key (RS256, PS256) is accepted. Production has no development sign-in, and
/// a Production host given a symmetric key refuses to start.
/// </summary>
public sealed class ProductionIdentityTests(AppFixture app, ProductionIdentityHost production) : IClassFixture<ProductionIdentityHost>
{
    private const string County = AppFixture.County;
    private IAlbaHost Host => production.Host;

    private static readonly object Complaint = new
    {
        channel = "Hotline", categoryId = "illegal-parking", compoundId = "CP010101",
        complainant = new { name = "张三", phone = "13812345678", address = "东关花园3号楼2单元" },
        description = "楼下消防通道长期被私家车占用，影响救援。",
    };

    private static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    /// <summary>A clerk's token; <paramref name="change"/> edits the descriptor before it is signed.</summary>
    private string Token(SigningCredentials? credentials = null, Action<SecurityTokenDescriptor>? change = null, string county = County,
        bool defaultTimes = true)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ProductionIdentityHost.Issuer,
            Audience = ProductionIdentityHost.Audience,
            Subject = new ClaimsIdentity([
                new Claim(WhistleClaims.Subject, "clerk"), new Claim(WhistleClaims.Name, "刘受理"),
                new Claim(WhistleClaims.Role, Roles.Clerk), new Claim(WhistleClaims.County, county)]),
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = credentials ?? new SigningCredentials(new RsaSecurityKey(production.Key), SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = defaultTimes }.CreateToken(descriptor);
    }

    /// <summary>The key src/Whistle/appsettings.Development.json gives Development, as ops/token signs with it.</summary>
    private static string DevelopmentKey()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Faults.WhistleProcess.Assembly()))))!;
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "appsettings.Development.json")))!;
        return json["Whistle"]!["Auth"]!["SigningKey"]!.GetValue<string>();
    }

    private Dictionary<string, string> BadTokens()
    {
        var good = Token();
        var parts = good.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["role"] = Roles.Admin;
        using var otherKey = RSA.Create(2048);
        return new Dictionary<string, string>
        {
            ["expired"] = Token(change: d => (d.IssuedAt, d.NotBefore, d.Expires) = (DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddMinutes(-2))),
            ["not yet valid"] = Token(change: d => (d.NotBefore, d.Expires) = (DateTime.UtcNow.AddMinutes(5), DateTime.UtcNow.AddHours(2))),
            ["wrong issuer"] = Token(change: d => d.Issuer = "https://id.elsewhere.example"),
            ["wrong audience"] = Token(change: d => d.Audience = "another-service"),
            ["wrong key"] = Token(new SigningCredentials(new RsaSecurityKey(otherKey.ExportParameters(true)), SecurityAlgorithms.RsaSha256)),
            ["alg none"] = $"{B64("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}.",
            ["tampered payload"] = $"{parts[0]}.{B64(payload.ToJsonString())}.{parts[2]}",
            ["no exp"] = Token(defaultTimes: false, change: d => (d.IssuedAt, d.NotBefore, d.Expires) = (null, null, null)),
            ["garbage"] = "this-is-not-a-token",
            ["unknown county"] = Token(county: "nowhere"),
            ["development HS256"] = Token(new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(DevelopmentKey())), SecurityAlgorithms.HmacSha256)),
            ["HS256 keyed with the public key"] = Token(new SigningCredentials(
                new SymmetricSecurityKey(File.ReadAllBytes(production.PublicKeyPath)), SecurityAlgorithms.HmacSha256)),
        };
    }

    /// <summary>Every event in both of the host's databases.</summary>
    private async Task<long> Events()
    {
        long total = 0;
        foreach (var database in new[] { production.Main, production.Other })
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("select count(*) from whistle.mt_events", connection);
            total += (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }
        return total;
    }

    private Task<IScenarioResult> Lodge(string token, int status) => Host.Scenario(x =>
    {
        x.Post.Json(Complaint, JsonStyle.MinimalApi).ToUrl("/api/complaints");
        x.WithRequestHeader("Authorization", "Bearer " + token);
        x.StatusCodeShouldBe(status);
    });

    [Fact]
    public async Task every_bad_token_is_401_with_a_problem_and_reaches_no_handler()
    {
        _ = app;   // the assembly fixture has set the environment this host starts from
        var before = await Events();
        var tokens = BadTokens();
        // The one without exp is otherwise good: signed with the county's key, for this issuer and audience.
        var noExp = new JsonWebToken(tokens["no exp"]);
        (noExp.Alg, noExp.Issuer, noExp.TryGetPayloadValue<long>("exp", out _)).ShouldBe(("RS256", ProductionIdentityHost.Issuer, false));

        foreach (var (name, token) in tokens)
        {
            var result = await Lodge(token, 401);
            result.Context.Response.ContentType.ShouldNotBeNull(name).ShouldStartWith("application/problem+json", customMessage: name);
            result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldStartWith("Bearer", customMessage: name);
            var body = JsonNode.Parse(await result.ReadAsTextAsync())!;
            body["status"]!.GetValue<int>().ShouldBe(401, name);
            body["title"]!.GetValue<string>().ShouldBe("未认证 Unauthorized", name);
            body["detail"]!.GetValue<string>().ShouldBe(name == "expired"
                ? "访问令牌已过期，请重新获取。The bearer token has expired; get a new one."
                : "访问令牌无效。The bearer token is not valid.", name);
        }

        (await Events()).ShouldBe(before);
    }

    [Fact]
    public async Task a_token_signed_with_the_countys_key_is_accepted()
    {
        var before = await Events();
        var rs256 = Token();

        var lodged = (await (await Lodge(rs256, 201)).ReadAsJsonAsync<LodgedComplaint>())!;
        var ps256 = Token(new SigningCredentials(new RsaSecurityKey(production.Key), SecurityAlgorithms.RsaSsaPssSha256));
        var list = await Host.Scenario(x =>
        {
            x.Get.Url("/api/complaints");
            x.WithRequestHeader("Authorization", "Bearer " + ps256);
            x.StatusCodeShouldBe(200);
        });

        (await list.ReadAsTextAsync()).ShouldContain(lodged.Id.ToString());
        (await Events()).ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task production_has_no_development_sign_in()
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url("/sign-in");
            x.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });

        (await result.ReadAsTextAsync()).ShouldNotContain("name=\"UserId\"");
    }

    [Fact]
    public async Task a_production_host_given_the_development_signing_key_refuses_to_start()
    {
        Exception? thrown = null;
        try
        {
            await using var host = await AlbaHost.For<Program>(x =>
            {
                x.UseEnvironment("Production");
                x.UseSetting("Whistle:Auth:SigningKey", DevelopmentKey());
                x.UseSetting("Whistle:Auth:PublicKeyPath", production.PublicKeyPath);
                x.UseSetting("Whistle:Auth:Issuer", ProductionIdentityHost.Issuer);
                x.UseSetting("Whistle:Auth:Audience", ProductionIdentityHost.Audience);
                x.UseSetting("ConnectionStrings:Whistle", "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=1");
            });
        }
        catch (Exception e)
        {
            thrown = e;
        }

        thrown.ShouldNotBeNull().ToString().ShouldContain("Whistle:Auth:SigningKey is set: a symmetric (HS256) key is accepted in Development only.");
    }
}
