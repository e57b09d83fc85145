using Alba;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Whistle.Complaints;
using Whistle.History.Integrity;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.History.Integrity;

/// <summary>
/// The chain on the shared database: every code path that appends (commands, a cascaded whistle, a deadline played on the
/// moved clock, the county loader, concurrent commands) leaves chains that verify with no false alarm. Nothing here
/// tampers: that is <see cref="TamperingTests"/>, on a database of its own.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class IntegrityEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    private Task<IntegrityReport> VerifyStream(Guid stream, Tokens.User? user = null) =>
        Get<IntegrityReport>(user ?? Tokens.Analyst, $"/api/history/integrity/streams/{stream}");

    private async Task<long> Scalar(string sql, params object[] values)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The chain's table, function and trigger, created at the first start, are as configured: a second start changes nothing.</summary>
    [Fact]
    public async Task the_chains_table_function_and_trigger_are_in_place_as_configured()
    {
        var store = Host.Services.GetRequiredService<Marten.IDocumentStore>();

        await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(TestContext.Current.CancellationToken);
        (await Scalar($"select count(*) from pg_trigger where tgname = '{EventChain.TriggerName}' and not tgisinternal")).ShouldBe(1);
    }

    [Fact]
    public async Task commands_a_cascaded_whistle_and_a_played_deadline_all_leave_intact_chains()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty);
        IScenarioResult blown = null!;
        var tracked = await Tracked(async () =>
            blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置占用消防通道车辆"), 201), 30_000);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty);
        App.Clock.Advance(TimeSpan.FromHours(25));
        var signFor = tracked.Scheduled.MessagesOf<WhistleDeadlineReached>().First(m => m.WhistleId == whistle && m.Department == "chengguan" && m.Kind == DeadlineKind.SignFor);
        await Tracked(bus => bus.InvokeForTenantAsync(AppFixture.County, signFor), 30_000);

        var whistleEvents = await EventsOf(whistle);
        whistleEvents.ShouldContain(e => e.Data is AssignmentOverdue);
        foreach (var (stream, events) in new[] { (lodged.Id, await EventsOf(lodged.Id)), (whistle, whistleEvents) })
        {
            var report = await VerifyStream(stream);
            report.Broken.ShouldBeEmpty();
            report.Intact.ShouldBeTrue();
            (report.Streams, report.Events).ShouldBe((1, events.Count));
            (await Scalar("select count(*) from whistle.whistle_event_chain where stream_id = $1", stream)).ShouldBe(events.Count);
        }
    }

    [Fact]
    public async Task verifying_every_stream_of_a_county_finds_no_false_alarm()
    {
        var county = await App.NewCountyAsync();
        var lodged = await Lodge(Tokens.Clerk, NewComplaint(), county);
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/accept", Empty, county: county);
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/resolve", new ResolveComplaint("已清理消防通道。"), county: county);

        var report = await (await Post(Tokens.Admin, "/api/history/integrity/verify", Empty, county: county)).ReadAsJsonAsync<IntegrityReport>();

        report!.Broken.ShouldBeEmpty();
        report.Events.ShouldBe(await Scalar("select count(*) from whistle.mt_events where tenant_id = $1 and stream_id <> $2", county, StreamVerifier.TombstoneStream));
        report.Streams.ShouldBe(await Scalar("select count(distinct stream_id) from whistle.mt_events where tenant_id = $1 and stream_id <> $2", county, StreamVerifier.TombstoneStream));
        report.Streams.ShouldBeGreaterThan(1);   // the county's directory and staff streams, and the complaint

        // Every county at once, as the verb does: the directory's streams have the same ids in every county, each its own chain.
        var all = await Host.Services.GetRequiredService<StreamVerifier>().VerifyAllAsync(null, null, TestContext.Current.CancellationToken);
        all.Broken.ShouldBeEmpty();
        all.Streams.ShouldBeGreaterThan(report.Streams);
    }

    [Fact]
    public async Task two_commands_at_once_on_one_stream_still_give_one_valid_chain()
    {
        var lodged = await Lodge();
        // Two at once: each is appended, or one loses the race and answers 409; either way the chain holds.
        var statuses = await Task.WhenAll(Enumerable.Range(1, 2).Select(async i => (await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(Tokens.Clerk, AppFixture.County));
            x.Post.Json(new AddComplaintNote($"备注 {i}", NoteVisibility.Internal), JsonStyle.MinimalApi).ToUrl($"/api/complaints/{lodged.Id}/notes");
            x.IgnoreStatusCode();
        })).Context.Response.StatusCode));

        statuses.ShouldAllBe(s => s == 200 || s == 409);
        var events = await EventsOf(lodged.Id);
        events.Count(e => e.Data is ComplaintNoteAdded).ShouldBe(statuses.Count(s => s == 200));
        var report = await VerifyStream(lodged.Id);
        report.Broken.ShouldBeEmpty();
        report.Events.ShouldBe(events.Count);
    }

    [Fact]
    public async Task a_stream_the_county_does_not_hold_is_404_and_other_roles_are_refused()
    {
        var lodged = await Lodge();
        (await Send(Tokens.Analyst, x => x.Get.Url($"/api/history/integrity/streams/{Guid.NewGuid()}"), 404)).ReadAsText().ShouldContain("未找到事件流");
        await Send(Tokens.Analyst, x => x.Get.Url($"/api/history/integrity/streams/{lodged.Id}"), 404, county: await App.NewCountyAsync());
        await Send(Tokens.Clerk, x => x.Get.Url($"/api/history/integrity/streams/{lodged.Id}"), 403);
        await Post(Tokens.Community, "/api/history/integrity/verify", Empty, 403);
        await Send(null, x => x.Get.Url($"/api/history/integrity/streams/{lodged.Id}"), 401);
        (await VerifyStream(lodged.Id, Tokens.Office)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task the_evidence_public_key_is_served_to_anyone_as_pem_with_its_key_id()
    {
        var result = await Send(null, x => x.Get.Url("/api/history/evidence/public-key"), 200);
        var signer = Host.Services.GetRequiredService<EvidenceSigner>();
        result.ReadAsText().ShouldBe(signer.PublicKeyPem);
        result.Context.Response.Headers["X-Key-Id"].ToString().ShouldBe(signer.KeyId);
        signer.PublicKeyPem.ShouldStartWith("-----BEGIN PUBLIC KEY-----");
    }
}
