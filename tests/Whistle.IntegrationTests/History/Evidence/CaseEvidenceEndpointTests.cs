using System.Text;
using Shouldly;
using Whistle.Complaints;
using Whistle.History.Evidence;
using Whistle.History.Timeline;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.History.Evidence;

/// <summary>A case's signed evidence over HTTP: its timeline, its streams' chains verified, sealed with the service's key.</summary>
public sealed class CaseEvidenceEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    private async Task<(LodgedComplaint Complaint, Guid Whistle)> Whistled()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty);
        var blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管处置占用消防通道车辆"), 201);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty);
        return (lodged, whistle);
    }

    private async Task<byte[]> File(Tokens.User user, Guid id)
    {
        var result = await Send(user, x => x.Get.Url($"/api/history/cases/{id}/evidence"), 200);
        result.Context.Response.ContentType.ShouldBe("application/json");
        return Encoding.UTF8.GetBytes(await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_cases_evidence_holds_its_timeline_and_each_streams_whole_chain_verified_and_is_signed_with_the_served_key()
    {
        var (complaint, whistle) = await Whistled();
        var timeline = await Get<TimelinePage>(Tokens.Office, $"/api/history/cases/{complaint.Id}/timeline");
        var key = await Send(null, x => x.Get.Url("/api/history/evidence/public-key"), 200);

        var check = EvidenceFile.Check(await File(Tokens.Office, complaint.Id));

        check.Valid.ShouldBeTrue();
        check.KeyId.ShouldBe(key.Context.Response.Headers["X-Key-Id"].ToString());
        var evidence = check.Evidence!;
        (evidence.CaseId, evidence.Number, evidence.Kind, evidence.Intact).ShouldBe((complaint.Id, complaint.Number, StreamKind.Complaint, true));
        (evidence.Issued.County, evidence.Issued.Role, evidence.Issued.PersonalDataMasked).ShouldBe((AppFixture.County, "office", true));
        evidence.Entries.Select(e => (e.Sequence, e.Zh)).ShouldBe(timeline.Entries.Select(e => (e.Sequence, e.Zh)));
        evidence.Streams.Select(s => (s.Id, s.Version, s.Intact)).ShouldBe([(complaint.Id, 3L, true), (whistle, 2L, true)]);
        foreach (var stream in evidence.Streams)
        {
            stream.Links.Select(l => l.Version).ShouldBe(Enumerable.Range(1, (int)stream.Version).Select(v => (long)v));
            stream.Links[0].Previous.ShouldBe(new string('0', 64));
            stream.Links.Skip(1).Select(l => l.Previous).ShouldBe(stream.Links.SkipLast(1).Select(l => l.Hash));
            stream.Links.Select(l => l.Sequence).ShouldBe(evidence.Entries.Where(e => e.StreamId == stream.Id).Select(e => e.Sequence));
        }
    }

    [Fact]
    public async Task a_changed_byte_of_the_file_fails_its_check()
    {
        var (complaint, _) = await Whistled();
        var file = Encoding.UTF8.GetString(await File(Tokens.Office, complaint.Id));

        var check = EvidenceFile.Check(Encoding.UTF8.GetBytes(file.Replace(complaint.Number, "TS-2026-999999", StringComparison.Ordinal)));

        (check.Readable, check.DigestMatches, check.SignatureValid).ShouldBe((true, false, false));
    }

    [Fact]
    public async Task analysts_get_the_evidence_with_the_complainant_masked()
    {
        var (complaint, _) = await Whistled();

        var text = Encoding.UTF8.GetString(await File(Tokens.Analyst, complaint.Id));

        text.ShouldNotContain("张三");
        text.ShouldNotContain("13812345678");
        EvidenceFile.Check(Encoding.UTF8.GetBytes(text)).Evidence!.Issued.PersonalDataMasked.ShouldBeTrue();
    }

    [Fact]
    public async Task the_printable_page_shows_the_case_its_streams_and_the_signature_in_chinese_first()
    {
        var (complaint, _) = await Whistled();

        var result = await Send(Tokens.Office, x => x.Get.Url($"/api/history/cases/{complaint.Id}/evidence.html"), 200);
        var page = await result.ReadAsTextAsync();

        result.Context.Response.ContentType.ShouldBe("text/html; charset=utf-8");
        page.ShouldContain($"<title>案件证据 {complaint.Number} Case evidence</title>");
        page.ShouldContain("全部完整 every chain intact");
        page.ShouldContain($"哨单 {complaint.Number}/1");
        page.ShouldContain("签名密钥 Key id");
    }

    [Fact]
    public async Task a_case_outside_the_users_scope_or_unknown_is_404_and_a_department_is_refused()
    {
        var (complaint, _) = await Whistled();

        await Send(Tokens.OtherCommunity, x => x.Get.Url($"/api/history/cases/{complaint.Id}/evidence"), 404);
        await Send(Tokens.Office, x => x.Get.Url($"/api/history/cases/{Guid.NewGuid()}/evidence.html"), 404);
        await Send(Tokens.Gongan, x => x.Get.Url($"/api/history/cases/{complaint.Id}/evidence"), 403);
        await Send(null, x => x.Get.Url($"/api/history/cases/{complaint.Id}/evidence"), 401);
    }
}
