using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Whistle.History.Integrity;

namespace Whistle.History.Evidence;

/// <summary>Evidence ready to be written: its exact bytes, their digest and signature, and the public key.</summary>
public sealed record SealedEvidence(byte[] Body, string Digest, EvidenceSignature Signature, string PublicKey);

/// <summary>What checking an evidence file found.</summary>
public sealed record EvidenceCheck(bool Readable, bool DigestMatches, bool SignatureValid, string? KeyId, CaseEvidence? Evidence)
{
    public bool Valid => Readable && DigestMatches && SignatureValid;
}

/// <summary>
/// The evidence file: <c>{"evidence":{…},"digest":"sha256:…","signature":{"algorithm":"ECDSA-P256-SHA256","keyId":"…",
/// "value":"…"},"publicKey":"-----BEGIN PUBLIC KEY-----…"}</c>. The digest and the signature are over the exact bytes of the
/// <c>evidence</c> value as written in the file (UTF-8, compact): whoever holds the file checks it by taking those bytes,
/// hashing them with SHA-256 and verifying the DER signature with the public key (also served at
/// <c>GET /api/history/evidence/public-key</c>, whose key id is the SHA-256 of the key).
/// </summary>
public static class EvidenceFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The evidence's bytes as the file holds them (UTF-8, compact JSON), their digest and their signature by <paramref name="signer"/>.</summary>
    public static SealedEvidence Seal(CaseEvidence evidence, EvidenceSigner signer)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(evidence, Json);
        return new SealedEvidence(body, Digest(body), signer.Sign(body), signer.PublicKeyPem);
    }

    /// <summary>The file's bytes: the evidence, its digest, its signature and the public key that checks it.</summary>
    public static byte[] Write(SealedEvidence evidence)
    {
        using var file = new MemoryStream();
        file.Write("{\"evidence\":"u8);
        file.Write(evidence.Body);
        var signature = evidence.Signature;
        var rest = JsonSerializer.SerializeToUtf8Bytes(
            new FileSeal(evidence.Digest, new SealSignature(signature.Algorithm, signature.KeyId, signature.Signature), evidence.PublicKey), Json);
        file.Write(","u8);
        file.Write(rest.AsSpan(1));
        return file.ToArray();
    }

    /// <summary>"sha256:" and the hex SHA-256 of the evidence bytes.</summary>
    public static string Digest(ReadOnlySpan<byte> evidence) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(evidence));

    /// <summary>
    /// Checks a file: its evidence bytes against its digest, and its signature against the public key it carries (the
    /// caller compares <see cref="EvidenceCheck.KeyId"/> with the key it trusts). Never throws on a malformed file.
    /// </summary>
    public static EvidenceCheck Check(ReadOnlySpan<byte> file)
    {
        try
        {
            using var document = JsonDocument.Parse(file.ToArray());
            var root = document.RootElement;
            var body = Encoding.UTF8.GetBytes(root.GetProperty("evidence").GetRawText());
            var seal = root.Deserialize<FileSeal>(Json)!;
            using var key = ECDsa.Create();
            key.ImportFromPem(seal.PublicKey);
            var keyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
            var signature = Convert.FromBase64String(seal.Signature.Value);
            var signed = seal.Signature.KeyId == keyId
                && key.VerifyData(body, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            return new EvidenceCheck(true, seal.Digest == Digest(body), signed, keyId,
                JsonSerializer.Deserialize<CaseEvidence>(body, Json));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or ArgumentException or CryptographicException or InvalidOperationException or NullReferenceException)
        {
            return new EvidenceCheck(false, false, false, null, null);
        }
    }

    private sealed record FileSeal(string Digest, SealSignature Signature, string PublicKey);

    private sealed record SealSignature(string Algorithm, string KeyId, string Value);
}
