using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Shouldly;

namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// Issue 14, SIGKILL mid-load: a real Whistle process takes emergency complaints at a fixed rate, each command with an
/// Idempotency-Key of its own, and is killed (SIGKILL) at a seeded random point; it is started again at once while the
/// load goes on. The client retries every command that got no answer (refused, 5xx, 409 "still processing") with the
/// same key and a bounded backoff. The kept answer commits in the command's own transaction: a command killed before
/// its commit left nothing and runs again, one killed after it is answered with its first answer. Every acknowledged
/// command's events must exist exactly once, none twice, every command must end answered, and every acceptance deadline
/// scheduled before the kill must fire once, not early.
/// </summary>
public sealed class KillMidLoadDrill
{
    private const string Name = "kill";

    /// <summary>
    /// How long a client keeps retrying one command: through the restart (its runtime code generation included) with room
    /// to spare on a loaded machine.
    /// </summary>
    private static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(3);

    private sealed class Command(int index, byte[] body)
    {
        public int Index { get; } = index;
        public string Key { get; } = "kill-" + Guid.NewGuid().ToString("N");
        public byte[] Body { get; } = body;
        public int Attempts;
        public DateTimeOffset? SentAt;
        public DateTimeOffset? AnsweredAt;
        public HttpStatusCode? Status;
        public Guid? ComplaintId;
        public int Conflicts;
        public int ServerErrors;
        public int Unreachable;
    }

    [Fact]
    public async Task every_acknowledged_command_exists_once_and_every_deadline_fires_once_after_a_sigkill_mid_load()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("WHISTLE_DRILL_SEED"), out var s) ? s : Random.Shared.Next(1_000_000);
        var random = new Random(seed);
        var count = Drill.Size(60, 1000);
        var rate = Drill.Size(20, 50);
        // The process's business clock lags the wall clock by an hour less the lead; Wolverine's scheduler reads the wall
        // clock, so an acceptance deadline (an hour of business time) fires the lead after its lodging. Early and late are
        // therefore measured on the wall clock: the overdue event's store timestamp against the due time it carries.
        var lead = Drill.Span(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(15));
        var killAfter = random.Next(count / 5, count * 4 / 5);
        var offset = lead - TimeSpan.FromHours(1);
        var settings = new Dictionary<string, string> { ["Whistle__Clock__Offset"] = offset.ToString("c", CultureInfo.InvariantCulture) };

        var database = await TestDatabases.FreshAsync("whistle_tests_kill");
        var port = WhistleProcess.FreePort();
        var whistle = await WhistleProcess.StartAsync(database, port, Name, settings);
        WhistleProcess? restarted = null;
        try
        {
            using var http = WhistleProcess.Client(port);
            var commands = Enumerable.Range(0, count)
                .Select(i => new Command(i, WhistleProcess.EmergencyComplaint($"停水演练 {i} Kill drill {i}"))).ToArray();
            var sends = new List<Task>();
            Task<WhistleProcess>? restart = null;
            var killedAt = DateTimeOffset.MinValue;
            var unansweredAtKill = 0;
            var clock = Stopwatch.StartNew();
            using (var pace = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate)))
            {
                foreach (var command in commands)
                {
                    await pace.WaitForNextTickAsync(TestContext.Current.CancellationToken);
                    sends.Add(SendAsync(http, command));
                    if (command.Index != killAfter) continue;
                    whistle.Kill();
                    killedAt = DateTimeOffset.UtcNow;
                    unansweredAtKill = commands.Count(c => c.SentAt is not null && c.AnsweredAt is null);
                    restart = WhistleProcess.StartAsync(database, port, Name + "-restart", settings);
                }
            }
            var loadSeconds = clock.Elapsed.TotalSeconds;
            restarted = await restart!;
            await Task.WhenAll(sends);

            var acknowledgedBeforeKill = commands.Count(c => c.AnsweredAt < killedAt);
            commands.Where(c => c.Status != HttpStatusCode.Created)
                .Select(c => $"{c.Key}: {c.Status?.ToString() ?? "no answer"}").ShouldBeEmpty("every command ends answered with 201");

            var lodged = await DrillEvents.ReadAsync(database, "complaint_lodged");
            var byKey = lodged.Where(e => e.CausationId is not null).GroupBy(e => e.CausationId!).ToDictionary(g => g.Key, g => g.ToList());
            var found = commands.Count(c => byKey.ContainsKey(c.Key));
            var duplicated = byKey.Values.Count(events => events.Count > 1);
            // Every lodging stored schedules its acceptance deadline in its own transaction; each fires once, at or after its due time.
            var scheduledBeforeKill = lodged.Count(e => e.StoredAt < killedAt);
            var lastDue = lodged.Max(e => e.Data.GetProperty("due").GetProperty("dueAt").GetDateTimeOffset());
            var overdue = await OverdueOnceEachAsync(database, lodged.Select(e => e.StreamId).ToHashSet(), lastDue + TimeSpan.FromSeconds(60));
            var firedTwice = overdue.GroupBy(e => e.StreamId).Count(g => g.Count() > 1);
            var early = overdue.Count(e => e.StoredAt < e.Time("dueAt"));
            var late = overdue.Select(e => e.StoredAt - e.Time("dueAt")).ToList();
            Drill.Report(Name,
            [
                $"Seed {seed}; {count} emergency complaints at {rate}/s over {loadSeconds:F1} s, SIGKILL after command #{killAfter} (process {whistle.Id}).",
                $"Commands sent: {count}; acknowledged before the kill: {acknowledgedBeforeKill}; unanswered at the kill: {unansweredAtKill}; " +
                $"retried: {commands.Count(c => c.Attempts > 1)} ({commands.Sum(c => c.Attempts) - count} retries: {commands.Sum(c => c.Unreachable)} refused or unanswered, " +
                $"{commands.Sum(c => c.ServerErrors)} answered 5xx, {commands.Sum(c => c.Conflicts)} answered 409).",
                $"Answered in the end: {commands.Count(c => c.Status == HttpStatusCode.Created)}; found in the store: {found}; duplicated: {duplicated}.",
                $"Time to ready: first start {whistle.TimeToReady.TotalSeconds:F1} s, after the kill {restarted.TimeToReady.TotalSeconds:F1} s " +
                $"(then {restarted.TimeToWarm.TotalSeconds:F1} s to answer its first lodging, its code generated on first use).",
                $"Acceptance deadlines scheduled before the kill: {scheduledBeforeKill} (of {lodged.Count}); fired: {overdue.Select(e => e.StreamId).Distinct().Count()}; " +
                $"fired twice: {firedTwice}; early: {early}; lateness max {late.Max().TotalSeconds:F1} s, median {late.Median().TotalSeconds:F1} s.",
                "Measured on a shared 2-core machine, other helpers' builds and tests running beside the drill.",
            ]);

            duplicated.ShouldBe(0, "no command's events exist twice");
            lodged.Count.ShouldBe(count, "one complaint per command, none without a command");
            foreach (var command in commands)
            {
                byKey.ShouldContainKey(command.Key);
                byKey[command.Key].ShouldHaveSingleItem().StreamId.ShouldBe(command.ComplaintId!.Value, "the answer names the one complaint");
            }

            overdue.Select(e => e.StreamId).Distinct().Count().ShouldBe(lodged.Count, "every deadline fires");
            firedTwice.ShouldBe(0, "no deadline fires twice");
            early.ShouldBe(0, "no deadline fires before its due time");
        }
        finally
        {
            await whistle.DisposeAsync();
            if (restarted is not null) await restarted.DisposeAsync();
        }
    }

    /// <summary>One command, retried with its own key until it is answered (or <see cref="RetryFor"/> runs out).</summary>
    private static async Task SendAsync(HttpClient http, Command command)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        var clock = Stopwatch.StartNew();
        command.SentAt = DateTimeOffset.UtcNow;
        while (clock.Elapsed < RetryFor)
        {
            Interlocked.Increment(ref command.Attempts);
            try
            {
                using var response = await WhistleProcess.LodgeAsync(http, command.Body, command.Key);
                if (response.StatusCode == HttpStatusCode.Conflict) Interlocked.Increment(ref command.Conflicts);
                else if ((int)response.StatusCode >= 500) Interlocked.Increment(ref command.ServerErrors);
                else
                {
                    command.Status = response.StatusCode;
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                        command.ComplaintId = body.RootElement.GetProperty("id").GetGuid();
                    }
                    command.AnsweredAt = DateTimeOffset.UtcNow;
                    return;
                }
            }
            catch (HttpRequestException) { Interlocked.Increment(ref command.Unreachable); }
            catch (TaskCanceledException) { Interlocked.Increment(ref command.Unreachable); }
            // Refused or cut off while the process is down, 5xx, or a 409 (none expected; counted): back off and retry.
            await Task.Delay(backoff, TestContext.Current.CancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
        }
    }

    /// <summary>Polls the store (every 250 ms, up to <paramref name="until"/>) until each complaint is marked overdue.</summary>
    private static async Task<IReadOnlyList<DrillEvents.Row>> OverdueOnceEachAsync(string database, HashSet<Guid> complaints, DateTimeOffset until)
    {
        while (true)
        {
            var overdue = (await DrillEvents.ReadAsync(database, "complaint_overdue")).Where(e => complaints.Contains(e.StreamId)).ToList();
            if (overdue.Select(e => e.StreamId).Distinct().Count() >= complaints.Count || DateTimeOffset.UtcNow > until) return overdue;
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }
}
