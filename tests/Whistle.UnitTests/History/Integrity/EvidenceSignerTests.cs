using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Shouldly;
using Whistle.History.Integrity;
using Xunit;

namespace Whistle.UnitTests.History.Integrity;

public class EvidenceSignerTests
{
    private static readonly byte[] Evidence = Encoding.UTF8.GetBytes("""{"case":"TS-2026-000123","chain":"ab12"}""");

    private static string NewPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportECPrivateKeyPem();
    }

    [Fact]
    public void a_signature_verifies_over_the_same_bytes_only()
    {
        var signer = EvidenceSigner.Ephemeral();
        var signature = signer.Sign(Evidence);

        signer.Verify(Evidence, signature.Signature).ShouldBeTrue();
        signer.Verify([.. Evidence, 0x20], signature.Signature).ShouldBeFalse();
        signature.Algorithm.ShouldBe("ECDSA-P256-SHA256");
    }

    [Fact]
    public void a_signature_of_another_key_or_a_malformed_one_does_not_verify()
    {
        var signer = EvidenceSigner.Ephemeral();
        signer.Verify(Evidence, EvidenceSigner.Ephemeral().Sign(Evidence).Signature).ShouldBeFalse();
        signer.Verify(Evidence, "not base64!").ShouldBeFalse();
        signer.Verify(Evidence, Convert.ToBase64String([1, 2, 3])).ShouldBeFalse();
    }

    [Fact]
    public void the_key_id_is_the_sha256_of_the_public_key_and_names_the_signature()
    {
        var pem = NewPem();
        var signer = EvidenceSigner.FromPem(pem);
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);

        signer.KeyId.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())));
        signer.Sign(Evidence).KeyId.ShouldBe(signer.KeyId);
        signer.PublicKeyPem.ShouldBe(key.ExportSubjectPublicKeyInfoPem());
    }

    [Fact]
    public void the_signature_is_der_so_any_tool_holding_the_public_key_verifies_it()
    {
        var signer = EvidenceSigner.Ephemeral();
        var signature = Convert.FromBase64String(signer.Sign(Evidence).Signature);
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(signer.PublicKeyPem);

        signature[0].ShouldBe((byte)0x30);   // an ASN.1 SEQUENCE of r and s
        publicKey.VerifyData(Evidence, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence).ShouldBeTrue();
    }

    [Fact]
    public void a_configured_key_is_used_and_signatures_outlive_the_process_that_made_them()
    {
        var pem = NewPem();
        var first = new EvidenceSigner(Config(EvidenceSigner.KeySetting, pem), new CapturingLogger());
        var second = new EvidenceSigner(Config(EvidenceSigner.KeySetting, pem), new CapturingLogger());

        second.KeyId.ShouldBe(first.KeyId);
        second.Verify(Evidence, first.Sign(Evidence).Signature).ShouldBeTrue();
    }

    [Fact]
    public void a_key_file_is_read_from_the_configured_path()
    {
        var pem = NewPem();
        var path = Path.Combine(Path.GetTempPath(), $"evidence-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, pem);
        try
        {
            new EvidenceSigner(Config(EvidenceSigner.KeyPathSetting, path), new CapturingLogger()).KeyId.ShouldBe(EvidenceSigner.FromPem(pem).KeyId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void without_a_configured_key_an_ephemeral_one_is_made_and_a_warning_says_so()
    {
        var log = new CapturingLogger();
        var first = new EvidenceSigner(Config("unrelated", "x"), log);
        var second = new EvidenceSigner(Config("unrelated", "x"), new CapturingLogger());

        second.KeyId.ShouldNotBe(first.KeyId);
        var warning = log.Entries.ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Message.ShouldContain("verify only while this process runs");
        warning.Message.ShouldStartWith("未配置证据签名密钥");
    }

    [Fact]
    public void a_key_that_is_not_p256_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Should.Throw<InvalidOperationException>(() => EvidenceSigner.FromPem(p384.ExportECPrivateKeyPem())).Message.ShouldContain("P-256");
    }

    private static IConfiguration Config(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

    private sealed class CapturingLogger : ILogger<EvidenceSigner>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
