using JasperFx.CommandLine;
using Whistle.History.Evidence;
using Whistle.History.Integrity;

namespace Whistle.Hosting.History;

/// <summary>The argument of <c>verify-evidence</c>.</summary>
public sealed class VerifyEvidenceInput : NetCoreInput
{
    [Description("The evidence file (JSON) to check")]
    public string File { get; set; } = "";
}

/// <summary>
/// <c>dotnet run --project src/Whistle -- verify-evidence evidence-TS-2026-000012.json</c>: checks a case's evidence file
/// — its digest, its signature, whether the signing key is this service's — and whether the store still holds the
/// record the file describes: every link of every stream in the file is still the link the chain table holds, and each
/// of those streams still verifies. Exit code 0 only when all of it holds.
/// </summary>
[Description("Checks a case's evidence file against its signature and the store's hash chains (issue 13 §4)", Name = "verify-evidence")]
public sealed class VerifyEvidenceCommand : JasperFxAsyncCommand<VerifyEvidenceInput>
{
    public override async Task<bool> Execute(VerifyEvidenceInput input)
    {
        if (!System.IO.File.Exists(input.File))
        {
            await Console.Error.WriteLineAsync($"找不到文件 {input.File}。No file {input.File}.");
            return false;
        }
        var check = EvidenceFile.Check(await System.IO.File.ReadAllBytesAsync(input.File));
        if (!check.Readable || check.Evidence is not { } evidence)
        {
            await Console.Error.WriteLineAsync("不是证据文件。Not an evidence file.");
            return false;
        }
        using var host = input.BuildHost();
        var signer = host.Services.GetRequiredService<EvidenceSigner>();
        var chains = host.Services.GetRequiredService<ChainLinks>();
        var verifier = host.Services.GetRequiredService<StreamVerifier>();

        Console.WriteLine($"案件 Case {evidence.Number}（{evidence.Streams.Count} 条流 streams，{evidence.Entries.Count} 个事件 events）");
        Console.WriteLine($"摘要 Digest: {(check.DigestMatches ? "一致 matches" : "不一致 DOES NOT MATCH")}");
        Console.WriteLine($"签名 Signature: {(check.SignatureValid ? "有效 valid" : "无效 INVALID")}，密钥 key {check.KeyId}"
            + (check.KeyId == signer.KeyId ? "（本服务的密钥 this service's key）" : "（不是本服务当前的密钥 not this service's current key）"));

        var stored = await chains.LoadAsync(evidence.Issued.County, [.. evidence.Streams.Select(s => s.Id)], default);
        var held = true;
        foreach (var stream in evidence.Streams)
        {
            var now = stored.GetValueOrDefault(stream.Id) ?? [];
            var same = stream.Links.All(l => now.Any(n => n.Version == l.Version && n.Hash == l.Hash));
            var report = await verifier.VerifyStreamAsync(evidence.Issued.County, stream.Id, default);
            held &= same && report.Intact;
            Console.WriteLine($"  {stream.Zh}: " + (same ? "链接与库中一致 links as stored" : "链接与库中不同 LINKS DIFFER FROM THE STORE")
                + "；" + (report.Intact ? "链完整 chain intact" : report.Broken[0].Description));
        }
        var valid = check.Valid && check.KeyId == signer.KeyId && held;
        Console.WriteLine(valid ? "证据有效，库中记录未变。The evidence is valid and the store still holds the record it describes."
            : "证据未通过核验。The evidence did not verify.");
        return valid;
    }
}
