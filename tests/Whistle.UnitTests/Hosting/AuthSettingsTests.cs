using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Whistle.Hosting;
using Xunit;

namespace Whistle.UnitTests.Hosting;

/// <summary>
/// <c>Whistle:Auth</c> as the host reads it at start: outside Development a symmetric key, a missing key source, issuer or
/// audience, or a clock skew over a minute stops the start with a message naming the setting; only asymmetric algorithms
/// are accepted there, and HS256 in Development alone.
/// </summary>
public sealed class AuthSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("whistle-auth-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string pem)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, pem);
        return path;
    }

    private string RsaPublicKey()
    {
        using var rsa = RSA.Create(2048);
        return Write("rsa.pub.pem", rsa.ExportSubjectPublicKeyInfoPem());
    }

    private static AuthSettings Read(bool development, params (string Key, string? Value)[] settings) =>
        AuthSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => "Whistle:Auth:" + s.Key, s => s.Value))
            .Build(), development);

    private static string Refusal(bool development, params (string, string?)[] settings) =>
        Should.Throw<InvalidOperationException>(() => Read(development, settings)).Message;

    [Fact]
    public void production_with_a_public_key_accepts_asymmetric_algorithms_only_within_a_minute()
    {
        var settings = Read(false, ("PublicKeyPath", RsaPublicKey()), ("Issuer", "https://id.anlan.example"), ("Audience", "whistle"));

        settings.PublicKey.ShouldBeOfType<RsaSecurityKey>();
        settings.DevelopmentKey.ShouldBeNull();
        settings.Algorithms.ShouldBe(["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]);
        settings.Algorithms.ShouldNotContain(SecurityAlgorithms.HmacSha256);
        (settings.Issuer, settings.Audience, settings.ClockSkew).ShouldBe(("https://id.anlan.example", "whistle", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void production_with_the_countys_provider_takes_its_keys_from_the_metadata()
    {
        var settings = Read(false, ("Authority", "https://id.anlan.example/realms/county"), ("Issuer", "https://id.anlan.example/realms/county"), ("Audience", "whistle"));

        (settings.Authority, settings.PublicKey, settings.DevelopmentKey).ShouldBe(("https://id.anlan.example/realms/county", null, null));
    }

    [Fact]
    public void a_symmetric_signing_key_outside_development_refuses_to_start()
    {
        var message = Refusal(false, ("SigningKey", "whistle-development-signing-key-not-for-production-use"),
            ("PublicKeyPath", RsaPublicKey()), ("Issuer", "whistle"), ("Audience", "whistle"));

        message.ShouldContain("Whistle:Auth:SigningKey is set: a symmetric (HS256) key is accepted in Development only.");
        message.ShouldContain("must never serve this environment");
        Refusal(false, ("SigningKey", new string('k', 40)), ("Issuer", "whistle"), ("Audience", "whistle"))
            .ShouldContain("Whistle:Auth:SigningKey is set");
    }

    [Fact]
    public void production_without_a_provider_or_public_key_refuses_to_start()
    {
        Refusal(false, ("Issuer", "whistle"), ("Audience", "whistle"))
            .ShouldContain("Set Whistle:Auth:Authority (the county's OpenID Connect provider) or Whistle:Auth:PublicKeyPath (its RSA or EC public key, PEM).");
        Refusal(false, ("Authority", "https://id.anlan.example"), ("PublicKeyPath", RsaPublicKey()), ("Issuer", "whistle"), ("Audience", "whistle"))
            .ShouldContain("not both");
        Refusal(false, ("Authority", "http://id.anlan.example"), ("Issuer", "whistle"), ("Audience", "whistle"))
            .ShouldContain("Whistle:Auth:Authority must be an absolute https:// address");
    }

    [Fact]
    public void without_issuer_or_audience_it_refuses_to_start_in_any_environment()
    {
        var key = RsaPublicKey();
        var message = Refusal(false, ("PublicKeyPath", key));
        message.ShouldContain("Set Whistle:Auth:Issuer");
        message.ShouldContain("Set Whistle:Auth:Audience");
        Refusal(true, ("SigningKey", new string('k', 40)), ("Audience", "whistle")).ShouldContain("Set Whistle:Auth:Issuer");
        Refusal(true, ("SigningKey", new string('k', 40)), ("Issuer", "whistle"), ("Audience", "  ")).ShouldContain("Set Whistle:Auth:Audience");
    }

    [Theory]
    [InlineData("00:01:01")]
    [InlineData("00:05:00")]
    [InlineData("-00:00:01")]
    [InlineData("a minute")]
    public void a_clock_skew_over_a_minute_or_unreadable_refuses_to_start(string skew) =>
        Refusal(false, ("PublicKeyPath", RsaPublicKey()), ("Issuer", "whistle"), ("Audience", "whistle"), ("ClockSkew", skew))
            .ShouldContain($"Whistle:Auth:ClockSkew must be a time span from 00:00:00 to 00:01:00 (it is '{skew}').");

    [Fact]
    public void a_smaller_clock_skew_is_taken()
    {
        Read(false, ("PublicKeyPath", RsaPublicKey()), ("Issuer", "whistle"), ("Audience", "whistle"), ("ClockSkew", "00:00:30"))
            .ClockSkew.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void development_accepts_hs256_with_its_signing_key_beside_the_asymmetric_algorithms()
    {
        var settings = Read(true, ("SigningKey", "whistle-development-signing-key-not-for-production-use"), ("Issuer", "whistle"), ("Audience", "whistle"));

        settings.DevelopmentKey.ShouldNotBeNull();
        settings.Algorithms.ShouldContain(SecurityAlgorithms.HmacSha256);
        settings.Algorithms.ShouldContain(SecurityAlgorithms.RsaSha256);
        Refusal(true, ("SigningKey", "short"), ("Issuer", "whistle"), ("Audience", "whistle")).ShouldContain("at least 32 characters");
    }

    [Fact]
    public void an_ec_public_key_is_read_and_a_private_key_or_a_missing_file_refuses_to_start()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        AuthSettings.PublicKeyFrom(Write("ec.pub.pem", ec.ExportSubjectPublicKeyInfoPem())).ShouldBeOfType<ECDsaSecurityKey>();
        using var rsa = RSA.Create(2048);
        AuthSettings.PublicKeyFrom(Write("pkcs1.pub.pem", rsa.ExportRSAPublicKeyPem())).ShouldBeOfType<RsaSecurityKey>();

        var privateKey = Write("rsa.pem", rsa.ExportPkcs8PrivateKeyPem());
        Refusal(false, ("PublicKeyPath", privateKey), ("Issuer", "whistle"), ("Audience", "whistle"))
            .ShouldContain("holds a 'PRIVATE KEY', not a public key");
        Refusal(false, ("PublicKeyPath", Path.Combine(_folder, "absent.pem")), ("Issuer", "whistle"), ("Audience", "whistle"))
            .ShouldContain("Whistle:Auth:PublicKeyPath:");
        Refusal(false, ("PublicKeyPath", Write("text.pem", "not a key")), ("Issuer", "whistle"), ("Audience", "whistle"))
            .ShouldContain("holds no PEM block");
    }
}
