using System.Collections;
using System.Diagnostics;
using System.Reflection;
using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Whistle.Kernel;
using Wolverine;

namespace Whistle.Hosting;

/// <summary>
/// Traces and metrics from each layer's own instrumentation (ASP.NET Core, Npgsql, Marten, Wolverine), a Prometheus
/// scrape endpoint at <c>/metrics</c>, OTLP export only when an endpoint is configured, and a logging scope per request
/// carrying the correlation id the request's events are stamped with.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "whistle";
    public const string MetricsPath = "/metrics";

    /// <summary>Where OTLP goes when set; the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works as well.</summary>
    public const string OtlpKey = "Whistle:Telemetry:Otlp";
    public const string CountyKey = "Whistle:Telemetry:County";
    public const string OtlpEnvironmentKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Marten's and Wolverine's ActivitySource and Meter names (Wolverine's meter is "Wolverine:&lt;service&gt;").</summary>
    public static readonly string[] Sources = ["Marten", "Wolverine"];
    public static readonly string[] Meters = ["Marten", "Wolverine", "Wolverine:*"];

    public static WebApplicationBuilder AddWhistleTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var otlp = config[OtlpKey] is { Length: > 0 } own ? own : config[OtlpEnvironmentKey];
        var version = typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var county = config[CountyKey];

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                resource.AddService(ServiceName, serviceVersion: version);
                if (county is { Length: > 0 }) resource.AddAttributes([new("whistle.county", county)]);
            })
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddNpgsql()
                .AddSource(Sources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Meters)
                .AddPrometheusExporter());
        if (otlp is { Length: > 0 })
        {
            var endpoint = new Uri(otlp);
            telemetry.WithTracing(t => t.AddOtlpExporter(o => o.Endpoint = endpoint))
                .WithMetrics(m => m.AddOtlpExporter((OtlpExporterOptions o) => o.Endpoint = endpoint));
        }

        builder.Services.ConfigureWolverine(opts => opts.Policies.AddMiddleware<MessageLogScope>());
        builder.Services.ConfigureMarten(opts =>
        {
            opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();
        });
        return builder;
    }

    /// <summary>
    /// Serves <c>/metrics</c> (anonymous like the health checks: the proxy restricts it) and opens the request's logging
    /// scope. Called first in the pipeline, so what the exception handler logs carries the scope too.
    /// </summary>
    public static WebApplication UseWhistleTelemetry(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Whistle.Requests");
        app.Use(async (http, next) =>
        {
            using (logger.BeginScope(new RequestScope(http)))
            {
                await next(http);
            }
        });
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The correlation id <see cref="EventMetadata"/> stamps on the request's events: the caller's
    /// <c>X-Correlation-Id</c> (up to 100 characters), else the trace id, else the request's own id.
    /// </summary>
    public static string CorrelationOf(HttpContext http)
    {
        var correlation = http.Request.Headers[EventMetadata.CorrelationHeader].ToString();
        return correlation is { Length: > 0 and <= 100 }
            ? correlation
            : Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
    }

    /// <summary>
    /// The request's scope: correlation id and command id fixed when the request arrives, user and county read when a
    /// line is logged (they are known only once authentication has run, after this scope opened).
    /// </summary>
    internal sealed class RequestScope(HttpContext http) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public const string CorrelationId = nameof(CorrelationId);
        public const string CommandId = nameof(CommandId);
        public const string User = nameof(User);
        public const string County = nameof(County);

        private readonly string correlation = CorrelationOf(http);
        private readonly string? command = http.Request.Headers[Idempotency.Header].ToString() is { Length: > 0 } key ? key : null;

        private KeyValuePair<string, object?>[] Pairs() =>
        [
            new(CorrelationId, correlation),
            new(CommandId, command),
            new(User, http.User.FindFirst(WhistleClaims.Subject)?.Value),
            new(County, http.User.FindFirst(WhistleClaims.County)?.Value),
        ];

        public KeyValuePair<string, object?> this[int index] => Pairs()[index];

        public int Count => 4;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)Pairs()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{CorrelationId}:{correlation} {CommandId}:{command} {User}:{this[2].Value} {County}:{this[3].Value}";
    }

    /// <summary>
    /// Wolverine middleware on every message handler: what is logged while a message is handled carries the message's
    /// correlation id (the one its events are stamped with), its id, county and user, as a request's lines do.
    /// </summary>
    public sealed class MessageLogScope
    {
        private IDisposable? scope;

        public void Before(Envelope envelope, ILogger<MessageLogScope> logger) =>
            scope = logger.BeginScope(new Dictionary<string, object?>
            {
                [RequestScope.CorrelationId] = envelope.CorrelationId,
                ["MessageId"] = envelope.Id,
                [RequestScope.User] = envelope.UserName,
                [RequestScope.County] = envelope.TenantId,
            });

        public void Finally() => scope?.Dispose();
    }
}
