using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Whistle.Hosting;

/// <summary>
/// <c>Whistle:Auth</c>, read and checked once at start (<see cref="Identity"/>): where the bearer tokens' keys come from,
/// whom they must be issued by and for, and the clock skew allowed. A wrong setting stops the start with a message
/// naming it (<see cref="Read"/>) rather than leaving a door open or every request refused.
/// <list type="bullet">
/// <item><c>Authority</c>: the county's OpenID Connect provider; its signing keys come from its metadata
/// (<c>/.well-known/openid-configuration</c>, then <c>jwks_uri</c>), over HTTPS.</item>
/// <item><c>PublicKeyPath</c>: a PEM file holding one RSA or EC public key (<c>-----BEGIN PUBLIC KEY-----</c>), for a
/// provider that publishes no metadata, and for the benchmarks. Read once at start.</item>
/// <item><c>Issuer</c>, <c>Audience</c>: required; a token's <c>iss</c> and <c>aud</c> must equal them.</item>
/// <item><c>ClockSkew</c>: how far a token's <c>exp</c> and <c>nbf</c> may be off the host's clock; default and at most one minute.</item>
/// <item><c>SigningKey</c>: a symmetric HS256 key (at least 32 characters), in Development only; set in any other
/// environment, the host refuses to start.</item>
/// </list>
/// Outside Development only asymmetric algorithms are accepted (<see cref="AsymmetricAlgorithms"/>); every token must
/// carry <c>exp</c>.
/// </summary>
public sealed record AuthSettings(
    string? Authority, string? PublicKeyPath, SecurityKey? PublicKey, SymmetricSecurityKey? DevelopmentKey,
    string Issuer, string Audience, TimeSpan ClockSkew, IReadOnlyList<string> Algorithms)
{
    public const string Section = "Whistle:Auth";

    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>RSA PKCS#1 v1.5, RSA-PSS and ECDSA: a token signed with a private key only the provider holds.</summary>
    public static readonly IReadOnlyList<string> AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>Reads <c>Whistle:Auth</c> for the environment; throws <see cref="InvalidOperationException"/> naming every setting that is wrong.</summary>
    public static AuthSettings Read(IConfiguration config, bool development)
    {
        var auth = config.GetSection(Section);
        string? Value(string key) => string.IsNullOrWhiteSpace(auth[key]) ? null : auth[key]!.Trim();
        var (authority, keyPath, signingKey) = (Value("Authority"), Value("PublicKeyPath"), Value("SigningKey"));
        var (issuer, audience) = (Value("Issuer"), Value("Audience"));
        var errors = new List<string>();

        if (signingKey is not null && !development)
            errors.Add("Whistle:Auth:SigningKey is set: a symmetric (HS256) key is accepted in Development only. The development " +
                "signing key, and the development sign-in, must never serve this environment: remove it and set " +
                "Whistle:Auth:Authority (the county's OpenID Connect provider) or Whistle:Auth:PublicKeyPath (its RSA or EC public key, PEM).");
        else if (signingKey is not null && signingKey.Length < 32)
            errors.Add("Whistle:Auth:SigningKey must be at least 32 characters.");
        if (authority is not null && keyPath is not null)
            errors.Add("Set one of Whistle:Auth:Authority and Whistle:Auth:PublicKeyPath, not both.");
        else if (authority is null && keyPath is null && (signingKey is null || !development))
            errors.Add(development
                ? "Set Whistle:Auth:Authority (the county's OpenID Connect provider), Whistle:Auth:PublicKeyPath (a PEM public key) or Whistle:Auth:SigningKey (at least 32 characters)."
                : "Set Whistle:Auth:Authority (the county's OpenID Connect provider) or Whistle:Auth:PublicKeyPath (its RSA or EC public key, PEM).");
        if (authority is not null && !(Uri.TryCreate(authority, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || development)))
            errors.Add($"Whistle:Auth:Authority must be an absolute https:// address (it is '{authority}').");
        if (issuer is null) errors.Add("Set Whistle:Auth:Issuer: a token's iss must equal it.");
        if (audience is null) errors.Add("Set Whistle:Auth:Audience: a token's aud must equal it.");

        var skew = MaxClockSkew;
        if (Value("ClockSkew") is { } skewText)
        {
            if (!TimeSpan.TryParse(skewText, System.Globalization.CultureInfo.InvariantCulture, out skew) || skew < TimeSpan.Zero || skew > MaxClockSkew)
                errors.Add($"Whistle:Auth:ClockSkew must be a time span from 00:00:00 to 00:01:00 (it is '{skewText}').");
        }

        SecurityKey? publicKey = null;
        if (keyPath is not null && authority is null)
        {
            try { publicKey = PublicKeyFrom(keyPath); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException or FormatException)
            {
                errors.Add($"Whistle:Auth:PublicKeyPath: {e.Message}");
            }
        }

        if (errors.Count > 0)
            throw new InvalidOperationException("Whistle cannot start: its token settings are wrong. " + string.Join(" ", errors));
        var developmentKey = development && signingKey is not null ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)) : null;
        IReadOnlyList<string> algorithms = developmentKey is null ? AsymmetricAlgorithms : [.. AsymmetricAlgorithms, SecurityAlgorithms.HmacSha256];
        return new AuthSettings(authority, keyPath, publicKey, developmentKey, issuer!, audience!, skew, algorithms);
    }

    /// <summary>The one RSA or EC public key of a PEM file (SubjectPublicKeyInfo, or PKCS#1 <c>RSA PUBLIC KEY</c>); a private key is refused.</summary>
    public static SecurityKey PublicKeyFrom(string path)
    {
        var text = File.ReadAllText(path);
        if (!PemEncoding.TryFind(text, out var fields))
            throw new FormatException($"'{path}' holds no PEM block.");
        var label = text[fields.Label];
        if (label is not ("PUBLIC KEY" or "RSA PUBLIC KEY"))
            throw new FormatException($"'{path}' holds a '{label}', not a public key (-----BEGIN PUBLIC KEY-----): give the provider's public half only.");
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(text);
            return new RsaSecurityKey(rsa);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
        }
        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(text);
            return new ECDsaSecurityKey(ec);
        }
        catch (CryptographicException)
        {
            ec.Dispose();
            throw new FormatException($"'{path}' holds neither an RSA nor an EC public key.");
        }
    }
}
