using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>
/// Per-user and per-address rates (issue 18, item 4), in front of <see cref="Admission"/>: a signed-in user (county and
/// <c>sub</c>) has a budget for reads and a tighter one for writes (POST, PUT, PATCH, DELETE); a request without a user
/// (no token, a bad one, the sign-in pages) counts against its client address. Past a budget the answer is 429 with
/// <c>Retry-After</c> in seconds and a Chinese then English ProblemDetails, before authorization or any handler runs, so a
/// refused write appends nothing. Health and metrics are never limited.
/// </summary>
/// <remarks>
/// Token buckets, not sliding windows: a bucket lets a burst through at once (a page's own requests, an analyst paging
/// through an export, a clerk's batch) and then refills steadily, so a user is never locked out for a whole window at its
/// edge, and its failed lease says exactly when the next token comes (the <c>Retry-After</c>). Configuration:
/// <c>Whistle:RateLimits:Enabled</c> (true), and for each of <c>Reads</c>, <c>Writes</c> and <c>Anonymous</c> a
/// <c>PerMinute</c> (sustained rate; 0 turns that budget off) and a <c>Burst</c> (the bucket's size).
/// </remarks>
public static class RateLimits
{
    public const string Section = "Whistle:RateLimits";

    /// <summary>A budget: tokens a minute, refilled steadily, and the bucket's size. PerMinute 0 is no limit.</summary>
    public sealed record Budget(int PerMinute, int Burst)
    {
        public bool On => PerMinute > 0 && Burst > 0;

        /// <summary>
        /// The bucket: whole tokens every second (a rate that is no multiple of 60 is rounded up: 90 a minute refills 2 a
        /// second), or one token every few seconds for fewer than 60 a minute (the partitioned limiter refills every
        /// 100 ms at the finest, so a period is never shorter than a second).
        /// </summary>
        public TokenBucketRateLimiterOptions Options() => new()
        {
            TokenLimit = Burst,
            TokensPerPeriod = PerMinute >= 60 ? (PerMinute + 59) / 60 : 1,
            ReplenishmentPeriod = PerMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / PerMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    /// <summary>
    /// The production defaults: a clerk lodging all day writes a few times a minute, a page asks for a handful of reads,
    /// an analyst pages through a list or an export in a burst; a script gone wrong, or a stolen token, is held to a few
    /// requests a second.
    /// </summary>
    public sealed record Settings(bool Enabled, Budget Reads, Budget Writes, Budget Anonymous)
    {
        public static readonly Settings Default = new(true, new Budget(600, 300), new Budget(120, 60), new Budget(120, 60));

        public static Settings From(IConfiguration config)
        {
            var section = config.GetSection(Section);
            Budget Read(string name, Budget fallback) => new(
                section.GetValue($"{name}:PerMinute", fallback.PerMinute), section.GetValue($"{name}:Burst", fallback.Burst));
            return new Settings(section.GetValue("Enabled", Default.Enabled),
                Read("Reads", Default.Reads), Read("Writes", Default.Writes), Read("Anonymous", Default.Anonymous));
        }
    }

    public static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>The bucket a request draws from, or none: <c>r|county|sub</c>, <c>w|county|sub</c>, <c>a|address</c>.</summary>
    public static RateLimitPartition<string> PartitionOf(HttpContext http, Settings settings)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics")) return RateLimitPartition.GetNoLimiter("service");
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirst(WhistleClaims.Subject)?.Value is { Length: > 0 } subject)
        {
            var write = IsWrite(http.Request.Method);
            var budget = write ? settings.Writes : settings.Reads;
            return budget.On
                ? RateLimitPartition.GetTokenBucketLimiter($"{(write ? "w" : "r")}|{user.FindFirst(WhistleClaims.County)?.Value}|{subject}", _ => budget.Options())
                : RateLimitPartition.GetNoLimiter("user");
        }
        return settings.Anonymous.On
            ? RateLimitPartition.GetTokenBucketLimiter($"a|{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}", _ => settings.Anonymous.Options())
            : RateLimitPartition.GetNoLimiter("anonymous");
    }

    /// <summary>
    /// Chains the rates in front of <see cref="Admission"/>'s limiter (one global limiter per host) and answers their
    /// refusals 429; a refusal without a retry time is still Admission's own 503.
    /// </summary>
    public static IServiceCollection AddWhistleRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var settings = Settings.From(config);
        services.AddSingleton(settings);
        services.AddWhistleForwardedHeaders(config);
        if (!settings.Enabled) return services;
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            var rates = PartitionedRateLimiter.Create<HttpContext, string>(http => PartitionOf(http, settings));
            o.GlobalLimiter = o.GlobalLimiter is { } admission ? PartitionedRateLimiter.CreateChained(rates, admission) : rates;
            var admissionRefused = o.OnRejected;
            o.OnRejected = (context, ct) =>
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? new ValueTask(RefuseAsync(context.HttpContext, retryAfter))
                    : admissionRefused?.Invoke(context, ct) ?? ValueTask.CompletedTask;
        });
        return services;
    }

    /// <summary>
    /// 429 with <c>Retry-After</c> (whole seconds, at least 1), written through <see cref="ProblemAnswers"/>, which logs it
    /// as one warning line: the method, the path and the budget, never the user or the address.
    /// </summary>
    public static Task RefuseAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var (zh, en) = !(http.User.Identity?.IsAuthenticated ?? false) ? ("本地址", "this address")
            : IsWrite(http.Request.Method) ? ("您的写操作", "your writes") : ("您的查询", "your reads");
        return ProblemAnswers.WriteAsync(http, new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "请求过多 Too many requests",
            Detail = $"{zh}请求过于频繁，请在 {seconds} 秒后重试。Too many requests from {en}: retry in {seconds} s.",
        });
    }

    /// <summary>
    /// Behind a reverse proxy, the client's address comes from <c>X-Forwarded-For</c> only when the proxy is named:
    /// <c>Whistle:ForwardedHeaders:KnownProxies</c> (addresses) or <c>KnownNetworks</c> (CIDR), each a list or one
    /// comma-separated value. Without them the header is ignored (anyone could write it) and every request behind the
    /// proxy shares the proxy's address.
    /// </summary>
    public static IServiceCollection AddWhistleForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        var proxies = ListOf(config, "Whistle:ForwardedHeaders:KnownProxies");
        var networks = ListOf(config, "Whistle:ForwardedHeaders:KnownNetworks");
        if (proxies.Length == 0 && networks.Length == 0) return services;
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    /// <summary>Reads the forwarded headers of a named proxy first, so every later step sees the client's address.</summary>
    public static WebApplication UseWhistleForwardedHeaders(this WebApplication app)
    {
        if (ListOf(app.Configuration, "Whistle:ForwardedHeaders:KnownProxies").Length > 0
            || ListOf(app.Configuration, "Whistle:ForwardedHeaders:KnownNetworks").Length > 0)
            app.UseForwardedHeaders();
        return app;
    }

    private static string[] ListOf(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { } single) values.AddRange(single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return [.. values.Where(v => v.Length > 0)];
    }
}
