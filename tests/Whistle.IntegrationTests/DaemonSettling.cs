using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests;

/// <summary>
/// Runs a step while the async daemon keeps running, then waits until every projection and subscription has handled
/// every event committed by the end of the step, and until what they set off (the notifications' messages and the
/// messages those cascade) has finished — never a sleep, and never a pause of the daemon.
/// <para>
/// Pausing the shared daemon and catching it up (Wolverine's <c>PauseThenCatchUpOnMartenDaemonActivity</c>) made tests
/// running in parallel wait on each other, and under load a pause could hang for a minute while Wolverine's agent
/// health check restarted the agents it was stopping. Here each step waits only for the point the store had reached
/// when it ended.
/// </para>
/// <para>
/// A shard's progress is read from the daemon's own tracker, which publishes it after the batch committed and after
/// the batch's outgoing messages were handed to Wolverine — so once a shard is seen past the step's events, the
/// messages it sent are already in the tracked session. The tracker is watched from before the step; a shard already
/// past the mark before the step began (the step appended nothing it reads) is taken from the database.
/// </para>
/// </summary>
public static class DaemonSettling
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task<ITrackedSession> AfterDaemonAsync(this IHost host, Func<IMessageContext, Task> step)
    {
        async Task StepThenSettle(IMessageContext context)
        {
            using var watch = await ShardWatch.StartAsync(host.Services);
            await step(context);
            await watch.WaitForEverythingCommittedAsync();
        }

        return host.OneAtATimeAsync(() =>
            host.TrackActivity().Timeout(Timeout).DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync(StepThenSettle));
    }

    private sealed class ShardWatch : IObserver<ShardState>, IDisposable
    {
        private readonly object gate = new();
        private readonly Dictionary<string, long> seen = new(StringComparer.Ordinal);
        private readonly List<IDisposable> subscriptions = [];
        private TaskCompletionSource changed = NewSignal();
        private IReadOnlyList<string> shards = [];
        private IReadOnlyDictionary<string, long> before = new Dictionary<string, long>();
        private NpgsqlDataSource dataSource = null!;

        public static async Task<ShardWatch> StartAsync(IServiceProvider services)
        {
            var watch = new ShardWatch();
            var store = (DocumentStore)services.GetRequiredService<IDocumentStore>();
            watch.dataSource = services.GetRequiredService<NpgsqlDataSource>();
            watch.shards = store.Options.Projections.AllShards().Select(s => s.Name.Identity).ToList();
            foreach (var daemon in await services.GetRequiredService<IProjectionCoordinator>().AllDaemonsAsync())
                watch.subscriptions.Add(daemon.Tracker.Subscribe(watch));
            watch.before = await watch.ProgressAsync();
            return watch;
        }

        public async Task WaitForEverythingCommittedAsync()
        {
            var mark = await CommittedAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            while (true)
            {
                Task signal;
                lock (gate)
                {
                    var behind = shards.Where(s => !Reached(s, mark)).ToList();
                    if (behind.Count == 0) return;
                    if (timeout.IsCancellationRequested)
                        throw new TimeoutException(
                            $"The daemon did not reach event {mark} within {Timeout.TotalSeconds:N0} s; still behind: " +
                            string.Join(", ", behind.Select(s => $"{s} at {(seen.TryGetValue(s, out var at) ? at : before.GetValueOrDefault(s))}")));
                    signal = changed.Task;
                }
                try
                {
                    await signal.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    // Checked once more above, then reported.
                }
            }
        }

        private bool Reached(string shard, long mark) =>
            before.GetValueOrDefault(shard) >= mark || seen.GetValueOrDefault(shard) >= mark;

        private async Task<long> CommittedAsync()
        {
            await using var command = dataSource.CreateCommand($"select coalesce(max(seq_id), 0) from {WhistleSchema.Name}.mt_events");
            return (long)(await command.ExecuteScalarAsync())!;
        }

        private async Task<IReadOnlyDictionary<string, long>> ProgressAsync()
        {
            var progress = new Dictionary<string, long>(StringComparer.Ordinal);
            await using var command = dataSource.CreateCommand($"select name, last_seq_id from {WhistleSchema.Name}.mt_event_progression");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) progress[reader.GetString(0)] = reader.GetInt64(1);
            return progress;
        }

        public void OnNext(ShardState value)
        {
            lock (gate)
            {
                if (value.Sequence > seen.GetValueOrDefault(value.ShardName)) seen[value.ShardName] = value.Sequence;
                changed.TrySetResult();
                changed = NewSignal();
            }
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            foreach (var subscription in subscriptions) subscription.Dispose();
        }

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
