using Npgsql;
using Polly;
using Polly.Retry;

namespace Whistle.Hosting;

/// <summary>
/// Whistle's own PostgreSQL connections, for the few tables it keeps outside Marten's documents and events
/// (idempotency keys, the readiness check). Opening a connection retries transient failures — a restarting server,
/// a dropped socket — with a short jittered backoff, so a blip does not fail a request that has done nothing yet.
/// </summary>
public sealed class WhistleDatabase(NpgsqlDataSource dataSource)
{
    private static readonly ResiliencePipeline Opening = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct) =>
        Opening.ExecuteAsync(static (source, token) => source.OpenConnectionAsync(token), dataSource, ct);
}
