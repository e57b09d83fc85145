using System.Threading.RateLimiting;

namespace Whistle.Hosting;

/// <summary>
/// At most <c>Whistle:MaxConcurrentRequests</c> (32) API requests run at once, and four times as many wait their turn,
/// oldest first; beyond that a request is refused at once with 503 and <c>Retry-After</c>. A command holds one pooled
/// connection, and a failing one a second while its Idempotency-Key claim is read: admitting fewer than half the pool
/// (Npgsql's 100) keeps a flood of retries after a database fault from holding every connection while each waits for
/// another, which would leave the service answering 503 long after PostgreSQL is back. Health and metrics are never held.
/// </summary>
public static class Admission
{
    public const int DefaultMaxConcurrentRequests = 32;
    public const int RetryAfterSeconds = 1;

    public static IServiceCollection AddWhistleAdmission(this IServiceCollection services, IConfiguration config)
    {
        var permits = Math.Max(1, config.GetValue("Whistle:MaxConcurrentRequests", DefaultMaxConcurrentRequests));
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetConcurrencyLimiter("api", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = permits,
                        QueueLimit = permits * 4,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter("service"));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "服务繁忙 Service busy",
                    Detail = $"服务繁忙，请在 {RetryAfterSeconds} 秒后用同一 Idempotency-Key 重试。"
                        + $"The service is busy: retry in {RetryAfterSeconds} s with the same Idempotency-Key.",
                };
                await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
            };
        });
    }
}
