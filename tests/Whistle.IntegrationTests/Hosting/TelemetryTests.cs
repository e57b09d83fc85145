using System.Collections.Concurrent;
using System.Diagnostics;
using Alba;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OpenTelemetry.Trace;
using Shouldly;
using Whistle.Complaints;
using Whistle.Hosting;
using Wolverine;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// Traces, metrics and logs from a Whistle host of these tests' own (its own database), which also keeps every span in
/// memory and every log record with its scopes.
/// </summary>
public sealed class TelemetryTests(TelemetryTests.TelemetryHost telemetry) : IClassFixture<TelemetryTests.TelemetryHost>
{
    private IAlbaHost Host => telemetry.Host;

    [Fact]
    public async Task metrics_are_served_in_prometheus_text_with_asp_net_core_npgsql_marten_and_wolverine_figures()
    {
        await Lodge(Guid.NewGuid().ToString("N"));

        var result = await Host.Scenario(x =>
        {
            x.Get.Url(Telemetry.MetricsPath);
            x.StatusCodeShouldBe(200);
        });

        result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith("text/plain");
        var text = await result.ReadAsTextAsync();
        text.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
        text.ShouldContain("db_client_");
        text.ShouldContain("marten_");
        text.ShouldContain("wolverine_");
    }

    /// <summary>Linking two complaints sends the other one a message, which Wolverine handles in the same trace.</summary>
    [Fact]
    public async Task a_command_s_trace_holds_spans_from_asp_net_core_marten_wolverine_and_npgsql_under_the_caller_s_trace_id()
    {
        var (first, second, trace) = await LinkUnderANewTrace();

        await Eventually(telemetry, () => telemetry.Spans.FirstOrDefault(s => s.TraceId == trace && s.Source.Name == "Wolverine"
            && s.OperationName.Contains(nameof(RecordComplaintLink), StringComparison.Ordinal)));
        var sources = telemetry.Spans.Where(s => s.TraceId == trace).Select(s => s.Source.Name).ToHashSet();
        sources.ShouldContain("Microsoft.AspNetCore");
        sources.ShouldContain("Marten");
        sources.ShouldContain("Npgsql");
        // Without an X-Correlation-Id the trace id is the correlation id, on the command's events and on the handler's.
        (await EventsOf(first.Id))[^1].CorrelationId.ShouldBe(trace.ToString());
        (await EventsOf(second.Id)).Single(e => e.Data is ComplaintLinked).CorrelationId.ShouldBe(trace.ToString());
    }

    /// <summary>Marten logs each statement at debug level, here while Wolverine handles the message the link sent.</summary>
    [Fact]
    public async Task what_is_logged_while_a_message_is_handled_carries_the_correlation_id_of_the_command_that_sent_it()
    {
        var (_, _, trace) = await LinkUnderANewTrace();

        var handling = telemetry.Records.First(r =>
            r.Scope.ContainsKey("MessageId") && Equals(r.Scope.GetValueOrDefault("CorrelationId"), trace.ToString()));
        handling.Category.ShouldStartWith("Marten");
        handling.Scope["User"].ShouldBe(Tokens.Clerk.Id);
        handling.Scope["County"].ShouldBe(AppFixture.County);
    }

    /// <summary>The caller's own correlation id travels with the message the command sends, to the events its handler appends.</summary>
    [Fact]
    public async Task a_caller_s_correlation_id_reaches_the_events_of_the_messages_the_command_cascades()
    {
        var correlation = "link-" + Guid.NewGuid().ToString("N");

        var (first, second, _) = await LinkUnderANewTrace(correlation);

        (await EventsOf(first.Id))[^1].CorrelationId.ShouldBe(correlation);
        (await EventsOf(second.Id)).Single(e => e.Data is ComplaintLinked).CorrelationId.ShouldBe(correlation);
    }

    private async Task<(LodgedComplaint First, LodgedComplaint Second, ActivityTraceId Trace)> LinkUnderANewTrace(string? correlation = null)
    {
        var (first, second) = (await Lodge(correlation: null), await Lodge(correlation: null));
        var trace = ActivityTraceId.CreateRandom();
        // The link's cascaded message is handled before the tracked session ends: its events and log lines are there.
        await Host.ExecuteAndWaitAsync(() => Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(Tokens.Clerk));
            x.WithRequestHeader("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            if (correlation is not null) x.WithRequestHeader(EventMetadata.CorrelationHeader, correlation);
            x.Post.Json(new LinkComplaints(second.Id), JsonStyle.MinimalApi).ToUrl($"/api/complaints/{first.Id}/links");
            x.StatusCodeShouldBe(200);
        }), 30_000);
        return (first, second, trace);
    }

    [Fact]
    public async Task the_command_s_log_lines_carry_its_correlation_id_command_id_user_and_county_in_their_scope()
    {
        var correlation = "log-" + Guid.NewGuid().ToString("N");
        var command = Guid.NewGuid().ToString("N");

        var lodged = await Lodge(correlation, command);

        var finished = await Eventually(telemetry, () => telemetry.Records.FirstOrDefault(r =>
            r.Message.StartsWith("Executing endpoint", StringComparison.Ordinal) && Equals(r.Scope.GetValueOrDefault("CorrelationId"), correlation)));
        finished.Scope["CommandId"].ShouldBe(command);
        finished.Scope["User"].ShouldBe(Tokens.Clerk.Id);
        finished.Scope["County"].ShouldBe(AppFixture.County);
        (await EventsOf(lodged.Id)).ShouldAllBe(e => e.CorrelationId == correlation);
    }

    [Theory]
    [InlineData("POST", "/api/complaints", "{")]
    [InlineData("POST", "/api/complaints", """{"channel":"Carrier pigeon","categoryId":"illegal-parking"}""")]
    [InlineData("GET", "/api/me/notifications?page=first", null)]
    public async Task a_malformed_request_is_a_400_logged_without_an_error_or_an_exception(string method, string url, string? body)
    {
        var mark = Guid.NewGuid().ToString("N");

        await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(Tokens.Clerk));
            x.WithRequestHeader(EventMetadata.CorrelationHeader, mark);
            if (method == "POST") x.Post.RawJson(body!).ToUrl(url);
            else x.Get.Url(url);
            x.StatusCodeShouldBe(400);
        });

        await Eventually(telemetry, () => telemetry.Records.FirstOrDefault(r => Equals(r.Scope.GetValueOrDefault("CorrelationId"), mark)));
        var logged = telemetry.Records.Where(r => Equals(r.Scope.GetValueOrDefault("CorrelationId"), mark)).ToList();
        logged.ShouldAllBe(r => r.Level < LogLevel.Error && r.Exception == null);
    }

    [Fact]
    public async Task a_fault_of_the_service_is_a_500_logged_as_an_error_with_its_exception()
    {
        var mark = Guid.NewGuid().ToString("N");
        // A broken schema, as a botched manual change would leave it: the table a lodging stores its complainant's key in
        // is gone for this one request (this class's own database; its tests run one at a time).
        await telemetry.ExecuteAsync("alter table whistle.personal_data_keys rename to personal_data_keys_away");
        try
        {
            await Host.Scenario(x =>
            {
                x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(Tokens.Clerk));
                x.WithRequestHeader(EventMetadata.CorrelationHeader, mark);
                x.Post.Json(Complaint("消防通道被占用"), JsonStyle.MinimalApi).ToUrl("/api/complaints");
                x.StatusCodeShouldBe(500);
            });
        }
        finally
        {
            await telemetry.ExecuteAsync("alter table whistle.personal_data_keys_away rename to personal_data_keys");
        }

        var error = await Eventually(telemetry, () => telemetry.Records.FirstOrDefault(r =>
            r.Category == typeof(Errors).FullName && Equals(r.Scope.GetValueOrDefault("CorrelationId"), mark)));
        error.Level.ShouldBe(LogLevel.Error);
        error.Exception.ShouldNotBeNull();
    }

    private static LodgeComplaint Complaint(string description) => new(
        ComplaintChannel.Hotline, "illegal-parking", "CP010101", new ComplainantInput("张三", "13812345678", null), description);

    private async Task<IReadOnlyList<IEvent>> EventsOf(Guid stream)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession(AppFixture.County);
        var events = await session.Events.FetchStreamAsync(stream);
        events.ShouldNotBeEmpty();
        return events;
    }

    private async Task<LodgedComplaint> Lodge(string? correlation, string? command = null, string? traceParent = null)
    {
        var result = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(Tokens.Clerk));
            if (correlation is not null) x.WithRequestHeader(EventMetadata.CorrelationHeader, correlation);
            if (command is not null) x.WithRequestHeader(Idempotency.Header, command);
            if (traceParent is not null) x.WithRequestHeader("traceparent", traceParent);
            x.Post.Json(Complaint("消防通道被占"), JsonStyle.MinimalApi).ToUrl("/api/complaints");
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<LodgedComplaint>())!;
    }

    /// <summary>
    /// What the host records just after the response (the server span ends, the last log line is written, once the
    /// client has its answer): looked for again each time the host records a span or a log line, for at most 10 s.
    /// </summary>
    private static async Task<T> Eventually<T>(TelemetryHost host, Func<T?> find) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // Taken before looking: a record that lands between the look and the wait still wakes it.
            var recorded = host.NextRecord;
            if (find() is { } found) return found;
            var left = TimeSpan.FromSeconds(10) - clock.Elapsed;
            if (left <= TimeSpan.Zero) throw new ShouldAssertException("Not recorded within 10 s.");
            try
            {
                await recorded.WaitAsync(left, TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    public sealed record LogRecord(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Scope);

    /// <summary>A Whistle host on a database of its own, keeping its spans in memory and its log records with their scopes.</summary>
    public sealed class TelemetryHost : IAsyncLifetime, ILoggerProvider, ISupportExternalScope
    {
        private readonly Locked<Activity> spans;
        private readonly ConcurrentQueue<LogRecord> records = new();
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();
        private TaskCompletionSource recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TelemetryHost() => spans = new Locked<Activity>(Recorded);

        /// <summary>Completes when the host next records a span or a log line.</summary>
        public Task NextRecord => Volatile.Read(ref recorded).Task;

        private void Recorded() =>
            Interlocked.Exchange(ref recorded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public IAlbaHost Host { get; private set; } = null!;

        public IReadOnlyList<Activity> Spans => spans.Snapshot();

        public IEnumerable<LogRecord> Records => records;

        public async ValueTask InitializeAsync()
        {
            var database = await TestDatabases.FreshAsync("whistle_tests_telemetry");
            this.database = database;
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            Host = await AlbaHost.For<Program>(x =>
            {
                x.ConfigureLogging(logging => logging
                    .AddFilter<TelemetryHost>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information)
                    .AddFilter<TelemetryHost>(null, LogLevel.Information)
                    .AddFilter<TelemetryHost>("Marten", LogLevel.Debug));
                x.ConfigureServices(services =>
                {
                    services.AddSingleton<TimeProvider>(clock);
                    services.AddSingleton(_ => NpgsqlDataSource.Create(database));
                    services.ConfigureMarten(opts => opts.Connection(database));
                    services.AddSingleton<ILoggerProvider>(this);
                    services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans));
                    services.RunWolverineInSoloMode();
                    services.DisableAllExternalWolverineTransports();
                });
            });
        }

        public async ValueTask DisposeAsync() => await Host.DisposeAsync();

        private string database = "";

        /// <summary>Runs one statement on this host's database.</summary>
        public async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        void IDisposable.Dispose() { }

        private sealed class Recorder(string category, TelemetryHost host) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => host.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                host.scopes.ForEachScope((value, into) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, item) in pairs) into[key] = item;
                }, scope);
                host.records.Enqueue(new LogRecord(category, logLevel, formatter(state, exception), exception, scope));
                host.Recorded();
            }
        }
    }

    /// <summary>The in-memory exporter's list, safe to read while spans end on other threads.</summary>
    private sealed class Locked<T>(Action added) : ICollection<T>
    {
        private readonly List<T> items = [];

        public int Count
        {
            get
            {
                lock (items) return items.Count;
            }
        }

        public bool IsReadOnly => false;

        public List<T> Snapshot()
        {
            lock (items) return items.ToList();
        }

        public void Add(T item)
        {
            lock (items) items.Add(item);
            added();
        }

        public void Clear()
        {
            lock (items) items.Clear();
        }

        public bool Contains(T item)
        {
            lock (items) return items.Contains(item);
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            lock (items) items.CopyTo(array, arrayIndex);
        }

        public bool Remove(T item)
        {
            lock (items) return items.Remove(item);
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
