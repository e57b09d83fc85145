using System.Text;
using System.Text.Json;
using Shouldly;
using Whistle.History.Evidence;
using Whistle.History.Integrity;
using Whistle.History.Timeline;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.History.Evidence;

public class EvidenceFileTests
{
    private static readonly Guid Complaint = Guid.Parse("00000000-0000-0000-0000-000000000012");
    private static readonly Guid Whistle = Guid.Parse("00000000-0000-0000-0000-000000000034");
    private static readonly DateTimeOffset At = new(2026, 11, 3, 1, 12, 0, TimeSpan.Zero);

    private static CaseHistory History() => new(
        Complaint, StreamKind.Complaint, "TS-2026-000012", new CaseArea("CM0101", "SD01"),
        [
            new StreamOfCase(Complaint, StreamKind.Complaint, "投诉 TS-2026-000012", "complaint TS-2026-000012", 2, new CaseArea("CM0101", "SD01")),
            new StreamOfCase(Whistle, StreamKind.Whistle, "哨单 TS-2026-000012/1", "whistle TS-2026-000012/1", 1, new CaseArea("CM0101", "SD01")),
        ],
        [
            new TimelineEntry(At, Complaint, StreamKind.Complaint, 1, 101, "ComplaintLodged", new Actor("clerk", "王某", "clerk"),
                "2026-11-03 09:12 接线员 王某 登记投诉。", "Clerk Wang lodged the complaint.", null, null),
            new TimelineEntry(At.AddMinutes(5), Complaint, StreamKind.Complaint, 2, 102, "ComplaintWhistled", new Actor("community", "李某", "community"),
                "2026-11-03 09:17 社区 李某 吹哨。", "Community Li blew the whistle.", null, null),
            new TimelineEntry(At.AddMinutes(5), Whistle, StreamKind.Whistle, 1, 103, "WhistleBlown", new Actor("community", "李某", "community"),
                "2026-11-03 09:17 哨单发出。", "The whistle was blown.", 3, 2),
        ]);

    private static readonly Dictionary<Guid, IReadOnlyList<ChainLink>> Links = new()
    {
        [Complaint] = [new ChainLink(1, 101, new string('0', 64), new string('a', 64)), new ChainLink(2, 102, new string('a', 64), new string('b', 64))],
        [Whistle] = [new ChainLink(1, 103, new string('0', 64), new string('c', 64))],
    };

    private static readonly EvidenceIssue Issued = new("anlan", "分析员", "analyst", At.AddDays(30), PersonalDataMasked: true);

    private static CaseEvidence Evidence(BrokenLink? broken = null) =>
        CaseEvidence.Of(History(), Links, new Dictionary<Guid, BrokenLink?> { [Complaint] = broken, [Whistle] = null }, Issued);

    [Fact]
    public void the_evidence_holds_each_stream_with_its_links_head_and_verification_and_every_entry()
    {
        var evidence = Evidence();

        evidence.Format.ShouldBe("whistle-case-evidence/1");
        evidence.Streams.Select(s => (s.Id, s.Version, s.Intact, s.Links.Count, s.Head)).ShouldBe(
            [(Complaint, 2L, true, 2, new string('b', 64)), (Whistle, 1L, true, 1, new string('c', 64))]);
        evidence.Entries.Select(e => e.Sequence).ShouldBe([101L, 102L, 103L]);
        evidence.Intact.ShouldBeTrue();
    }

    [Fact]
    public void a_stream_found_broken_when_the_file_was_made_says_where()
    {
        var link = new BrokenLink(Complaint, "anlan", 2, 102, BreakKind.Changed, ChainWalk.Describe(BreakKind.Changed, 2, 102));

        var evidence = Evidence(link);

        evidence.Intact.ShouldBeFalse();
        evidence.Streams[0].Broken.ShouldBe(link);
        evidence.Streams[1].Intact.ShouldBeTrue();
    }

    [Fact]
    public void a_written_file_checks_its_digest_and_signature_against_the_key_it_carries_and_reads_back_the_evidence()
    {
        var signer = EvidenceSigner.Ephemeral();
        var seal = EvidenceFile.Seal(Evidence(), signer);

        var file = EvidenceFile.Write(seal);
        var check = EvidenceFile.Check(file);

        (check.Readable, check.DigestMatches, check.SignatureValid, check.Valid, check.KeyId).ShouldBe((true, true, true, true, signer.KeyId));
        seal.Digest.ShouldBe(EvidenceFile.Digest(seal.Body));
        check.Evidence!.Number.ShouldBe("TS-2026-000012");
        check.Evidence.Entries.Select(e => e.Zh).ShouldBe(Evidence().Entries.Select(e => e.Zh));
        check.Evidence.Streams[0].Links.ShouldBe(Links[Complaint]);
        using var document = JsonDocument.Parse(file);
        Encoding.UTF8.GetBytes(document.RootElement.GetProperty("evidence").GetRawText()).ShouldBe(seal.Body);
        document.RootElement.GetProperty("signature").GetProperty("algorithm").GetString().ShouldBe("ECDSA-P256-SHA256");
        Encoding.UTF8.GetString(file).ShouldContain("接线员 王某 登记投诉");
    }

    [Fact]
    public void a_file_whose_evidence_was_changed_fails_both_its_digest_and_its_signature()
    {
        var file = Encoding.UTF8.GetString(EvidenceFile.Write(EvidenceFile.Seal(Evidence(), EvidenceSigner.Ephemeral())));

        var check = EvidenceFile.Check(Encoding.UTF8.GetBytes(file.Replace("王某 登记投诉", "张某 登记投诉", StringComparison.Ordinal)));

        (check.Readable, check.DigestMatches, check.SignatureValid, check.Valid).ShouldBe((true, false, false, false));
    }

    [Fact]
    public void a_file_re_signed_with_another_key_names_that_key()
    {
        var mine = EvidenceSigner.Ephemeral();
        var other = EvidenceSigner.Ephemeral();

        var check = EvidenceFile.Check(EvidenceFile.Write(EvidenceFile.Seal(Evidence(), other)));

        check.Valid.ShouldBeTrue();
        check.KeyId.ShouldBe(other.KeyId);
        check.KeyId.ShouldNotBe(mine.KeyId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"evidence\":{},\"digest\":\"sha256:00\",\"signature\":{\"algorithm\":\"x\",\"keyId\":\"y\",\"value\":\"!!\"},\"publicKey\":\"nope\"}")]
    public void a_malformed_file_is_unreadable_never_an_exception(string file) =>
        EvidenceFile.Check(Encoding.UTF8.GetBytes(file)).ShouldBe(new EvidenceCheck(false, false, false, null, null));

    [Fact]
    public void the_printable_page_carries_the_digest_the_key_every_stream_entry_and_link_encoded()
    {
        var page = EvidencePage.Render(Evidence(), "sha256:abc", "key-1", "c2ln<>");

        page.ShouldStartWith("<!doctype html>\n<html lang=\"zh-CN\">");
        page.ShouldContain("<code>sha256:abc</code>");
        page.ShouldContain("<code>key-1</code>");
        page.ShouldContain("c2ln&lt;&gt;");
        page.ShouldContain("哨单 TS-2026-000012/1");
        page.ShouldContain("2026-11-03 09:12 接线员 王某 登记投诉。");
        page.ShouldContain(new string('c', 64));
        page.ShouldContain("全部完整 every chain intact");
        page.ShouldContain("个人信息已脱敏 Personal data masked");
    }
}
