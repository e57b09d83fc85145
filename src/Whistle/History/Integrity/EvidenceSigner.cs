using System.Security.Cryptography;

namespace Whistle.History.Integrity;

/// <summary>A signature over evidence bytes: base64 of the DER-encoded ECDSA signature, and the id of the key that made it.</summary>
public sealed record EvidenceSignature(string Signature, string KeyId, string Algorithm = EvidenceSigner.Algorithm);

/// <summary>
/// Signs evidence files (a case's history with its chain) with ECDSA P-256 over SHA-256, so that an inspector holding the
/// public key (<c>GET /api/history/evidence/public-key</c>) can check a file with any tool, e.g.
/// <c>openssl dgst -sha256 -verify key.pem -signature file.sig file.json</c> (the signature is DER, base64 here).
/// The key is the PEM in <c>Whistle:Evidence:SigningKey</c>, or the PEM file at <c>Whistle:Evidence:SigningKeyPath</c>.
/// With neither, in every environment, a key is generated at start-up and a warning logged: signatures made with it verify
/// only while this process runs, so a county that hands evidence to a court configures its own key.
/// </summary>
public sealed partial class EvidenceSigner
{
    public const string Algorithm = "ECDSA-P256-SHA256";
    public const string KeySetting = "Whistle:Evidence:SigningKey";
    public const string KeyPathSetting = "Whistle:Evidence:SigningKeyPath";

    private readonly ECDsa key;

    public EvidenceSigner(IConfiguration config, ILogger<EvidenceSigner> logger)
        : this(Load(config, logger))
    {
    }

    private EvidenceSigner(ECDsa key)
    {
        if (key.KeySize != 256) throw new InvalidOperationException($"证据签名密钥须为 P-256。The evidence signing key must be ECDSA P-256, not {key.KeySize} bits.");
        this.key = key;
        var spki = key.ExportSubjectPublicKeyInfo();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(spki));
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>A signer over a given key (a PEM private key), for tests and tools.</summary>
    public static EvidenceSigner FromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new EvidenceSigner(key);
    }

    /// <summary>A signer over a fresh key.</summary>
    public static EvidenceSigner Ephemeral() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>SHA-256 of the public key (SubjectPublicKeyInfo, DER), hex: names the key a signature was made with.</summary>
    public string KeyId { get; }

    public string PublicKeyPem { get; }

    public EvidenceSignature Sign(byte[] evidence) =>
        new(Convert.ToBase64String(key.SignData(evidence, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)), KeyId);

    /// <summary>Whether the signature (base64, DER) was made over these bytes with this signer's key; a malformed one is false.</summary>
    public bool Verify(byte[] evidence, string signature)
    {
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && key.VerifyData(evidence, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static ECDsa Load(IConfiguration config, ILogger logger)
    {
        var pem = config[KeySetting] is { Length: > 0 } inline ? inline
            : config[KeyPathSetting] is { Length: > 0 } path ? File.ReadAllText(path)
            : null;
        if (pem is null)
        {
            EphemeralKey(logger, KeySetting, KeyPathSetting);
            return ECDsa.Create(ECCurve.NamedCurves.nistP256);
        }
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "未配置证据签名密钥（{Key} 或 {Path}）：已生成临时密钥，其签名仅在本进程运行期间可核验。"
        + "No evidence signing key is configured ({Key} or {Path}): an ephemeral key was generated; signatures made with it verify only while this process runs.")]
    private static partial void EphemeralKey(ILogger logger, string key, string path);
}
