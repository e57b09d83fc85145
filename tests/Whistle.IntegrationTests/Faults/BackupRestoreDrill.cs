using System.Diagnostics;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Shouldly;
using Whistle.History.Integrity;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// Backup and restore (issue 14, item 4): cases lodged and whistles blown through HTTP, then <c>ops/backup</c> while a
/// client keeps lodging complaints, then <c>ops/restore</c> into a new database — of a fresh cluster when
/// <c>ops/faults/backup</c> made one (<c>WHISTLE_BACKUP_RESTORE_PORT</c>), else of the tests' cluster — and a Whistle
/// host of its own on the copy, which must show the same cases, events, read models and pending deadlines.
/// </summary>
public sealed class BackupRestoreDrill
{
    private const string Drill_ = "backup";

    [Fact]
    public async Task a_backup_taken_while_commands_are_written_restores_the_same_cases_events_read_models_and_deadlines()
    {
        var source = await TestDatabases.FreshAsync("whistle_tests_backup");
        // The business clock is the wall clock's: the deadlines the seed schedules lie hours ahead, pending at the backup.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (complaints, whistled) = (Drill.Size(8, 200), Drill.Size(3, 50));
        var drill = Stopwatch.StartNew();
        var original = await BackupHosts.StartAsync(source, clock);

        var cases = await BackupHosts.InParallel(complaints, _ => BackupHosts.Lodge(original, null));
        var whistles = await BackupHosts.InParallel(whistled, i => BackupHosts.AcceptAndBlow(original, cases[i]));
        await original.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var seeded = drill.Elapsed;
        var streams = cases.Concat(whistles).ToList();
        var eventsBefore = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var stream in streams) eventsBefore[stream] = await BackupHosts.EventsOf(original, stream);
        var documentsBefore = new Dictionary<string, string>();
        foreach (var id in cases) documentsBefore[$"/api/complaints/{id}"] = await BackupHosts.Get(original, $"/api/complaints/{id}");
        foreach (var id in whistles) documentsBefore[$"/api/whistles/{id}"] = await BackupHosts.Get(original, $"/api/whistles/{id}");

        // A client keeps lodging complaints, each with its own idempotency key, before, during and after the backup.
        using var writer = new BackupHosts.Writer(original);
        var writing = writer.RunAsync();
        await writer.Acknowledged(3);
        var ackedBeforeBackup = writer.AcknowledgedIds.ToList();
        var scheduledBefore = await BackupHosts.ScheduledEnvelopeIds(source);
        var file = Path.Combine(Path.GetTempPath(), $"whistle-drill-{Guid.NewGuid():N}.backup");
        var backupWatch = Stopwatch.StartNew();
        var backup = await BackupHosts.Script("ops/backup", "--db", "whistle_tests_backup", "--out", file, "--port", BackupHosts.PortOf(source));
        backupWatch.Stop();
        var ackedAtBackupEnd = writer.AcknowledgedIds.Count;
        await writer.Acknowledged(ackedAtBackupEnd + 3);
        await writer.StopAsync(writing);
        await original.DisposeAsync();
        backup.Exit.ShouldBe(0, backup.Error);
        var manifest = BackupHosts.Manifest(file);

        var targetPort = Environment.GetEnvironmentVariable("WHISTLE_BACKUP_RESTORE_PORT") is { Length: > 0 } port ? port : BackupHosts.PortOf(source);
        var restoreWatch = Stopwatch.StartNew();
        var restore = await BackupHosts.Script("ops/restore", file, "--db", "whistle_tests_backup_restored", "--force", "--port", targetPort);
        restoreWatch.Stop();
        restore.Exit.ShouldBe(0, restore.Error);
        File.Delete(file);
        File.Delete(file + ".sha256");
        var restored = new NpgsqlConnectionStringBuilder(source) { Port = int.Parse(targetPort, System.Globalization.CultureInfo.InvariantCulture), Database = "whistle_tests_backup_restored" }.ConnectionString;
        (await BackupHosts.Count(restored, "select count(*) from whistle.mt_events")).ShouldBe(manifest["events"]);
        (await BackupHosts.Count(restored, "select count(*) from whistle.mt_streams")).ShouldBe(manifest["streams"]);
        var scheduledAfter = await BackupHosts.ScheduledEnvelopeIds(restored);
        scheduledAfter.Count.ShouldBe((int)manifest["scheduled_envelopes"]);
        scheduledBefore.Except(scheduledAfter).ShouldBeEmpty();

        var serving = Stopwatch.StartNew();
        await using var copy = await BackupHosts.StartAsync(restored, clock);
        await copy.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        serving.Stop();
        foreach (var stream in streams) (await BackupHosts.EventsOf(copy, stream)).ShouldBe(eventsBefore[stream], $"stream {stream}");
        foreach (var (url, body) in documentsBefore) (await BackupHosts.Get(copy, url)).ShouldBe(body, url);
        var writtenFound = 0;
        foreach (var id in writer.AcknowledgedIds)
            if ((await BackupHosts.EventsOf(copy, id)).Count > 0) writtenFound++;
        foreach (var id in ackedBeforeBackup) (await BackupHosts.EventsOf(copy, id)).ShouldNotBeEmpty($"complaint {id}, acknowledged before the backup");
        writtenFound.ShouldBeGreaterThanOrEqualTo(ackedBeforeBackup.Count);
        writtenFound.ShouldBeLessThanOrEqualTo(ackedAtBackupEnd);

        var chain = await copy.Services.GetRequiredService<StreamVerifier>().VerifyAllAsync(AppFixture.County, null, CancellationToken.None);
        chain.Broken.ShouldBeEmpty();
        chain.Events.ShouldBe(await BackupHosts.Count(restored,
            $"select count(*) from whistle.mt_events where tenant_id = '{AppFixture.County}' and type <> 'tombstone'"));

        // A deadline the backup carried fires on the copy, once: its envelope is made due now (the wall clock), and
        // business time passes its due time.
        clock.Advance(TimeSpan.FromDays(30));
        var tracked = await copy.TrackActivity().Timeout(TimeSpan.FromSeconds(45))
            .WaitForExecutionOf<WhistleDeadlineReached>()
            .ExecuteAndWaitAsync((IMessageContext _) => BackupHosts.MakeOneWhistleDeadlineDue(restored));
        var fired = tracked.Executed.MessagesOf<WhistleDeadlineReached>().First();
        whistles.ShouldContain(fired.WhistleId);
        (await BackupHosts.EventsOf(copy, fired.WhistleId)).Count(e => e.StartsWith("assignment_overdue", StringComparison.Ordinal)).ShouldBe(1);

        Drill.Report(Drill_,
        [
            $"seeded: {complaints} complaints, {whistled} whistles (accepted and blown) through HTTP in {seeded.TotalSeconds:0.0} s (host start included)",
            $"written during the backup: {writer.Sent} lodgings sent, {writer.AcknowledgedIds.Count} acknowledged " +
            $"({ackedBeforeBackup.Count} before the backup began, {ackedAtBackupEnd} when it ended); {writer.Failed} failed",
            $"backup: {backupWatch.ElapsedMilliseconds} ms, {BackupHosts.Field(backup.Output, "size")} bytes; " +
            $"manifest: {manifest["events"]} events, {manifest["streams"]} streams, high-water mark {manifest["high_water_mark"]}, " +
            $"{manifest["scheduled_envelopes"]} scheduled envelopes",
            $"restore into {(targetPort == BackupHosts.PortOf(source) ? "a fresh database of the tests' cluster" : $"a fresh cluster on port {targetPort}")}: " +
            $"{restoreWatch.ElapsedMilliseconds} ms, verified against the manifest; Whistle started on the copy and its projections caught up in {serving.ElapsedMilliseconds} ms",
            $"found on the copy: {streams.Count} seeded streams event for event, {documentsBefore.Count} documents equal, " +
            $"{writtenFound} of the writer's complaints (all {ackedBeforeBackup.Count} acknowledged before the backup; none after it ended)",
            $"event chain: {chain.Streams} streams, {chain.Events} events, {chain.Broken.Count} broken",
            $"scheduled deadlines: {scheduledBefore.Count} pending before the backup, all on the copy ({scheduledAfter.Count}); " +
            $"one fired on the copy once ({fired.Kind} of {fired.WhistleId})",
            $"drill: {drill.Elapsed.TotalSeconds:0.0} s",
        ]);
    }
}
