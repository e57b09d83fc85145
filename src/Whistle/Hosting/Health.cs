using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Whistle.County.Calendar;
using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>
/// Ready means PostgreSQL answers. The answer reports the durability settings the service's own connections run with —
/// <c>fsync</c>, <c>full_page_writes</c>, <c>synchronous_commit</c> — and is degraded when any of them is off: with
/// <c>synchronous_commit</c> off a crash can lose the last moments' acknowledged cases; with <c>fsync</c> or
/// <c>full_page_writes</c> off it can corrupt the cluster. PostgreSQL's defaults (all on) are what <c>ops/run</c> serves;
/// only <c>ops/test</c>'s throwaway database relaxes <c>synchronous_commit</c>, so its readiness says Degraded.
/// </summary>
internal sealed class PostgresHealthCheck(WhistleDatabase database) : IHealthCheck
{
    public static readonly string[] Durability = ["fsync", "full_page_writes", "synchronous_commit"];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "select " + string.Join(", ", Durability.Select(s => $"current_setting('{s}')"));
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var settings = Durability.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(s => s.name, s => (object)s.value);
            var off = settings.Where(s => (string)s.Value == "off").Select(s => s.Key).ToList();
            return off.Count == 0
                ? HealthCheckResult.Healthy("PostgreSQL answers, durable (fsync, full_page_writes, synchronous_commit on)", settings)
                : HealthCheckResult.Degraded(
                    $"PostgreSQL 可用，但 {string.Join("、", off)} 已关闭：崩溃时已确认的案件可能丢失。PostgreSQL answers, but {string.Join(", ", off)} "
                    + "off: a crash can lose acknowledged cases.", data: settings);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", e);
        }
    }
}

/// <summary>
/// Ready, but degraded, when the coming year's official holiday schedule is missing and the year starts within 60
/// days (see <see cref="OfficialScheduleCoverage"/>). Every county counts — each tenant that has a stream, with the
/// calendar it keeps or, if it never wrote one, the embedded schedules alone. Outside those 60 days it reads nothing.
/// </summary>
internal sealed class OfficialScheduleHealthCheck(IDocumentStore store, Kernel.CountyConnections connections, TimeProvider clock) : IHealthCheck
{
    private const string Healthy = "The coming year's official holiday schedule is known, or not yet due";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!OfficialScheduleCoverage.InWarningWindow(now)) return HealthCheckResult.Healthy(Healthy);
        var calendars = new List<CountyCalendar>();
        foreach (var county in await CountiesAsync(ct))
        {
            await using var session = store.QuerySession(county);
            calendars.Add(await CountyCalendar.CurrentAsync(session, ct));
        }
        return OfficialScheduleCoverage.Missing(now, calendars) is { } missing
            ? HealthCheckResult.Degraded(missing)
            : HealthCheckResult.Healthy(Healthy);
    }

    /// <summary>The counties (Marten tenants) that have recorded anything, in every database that holds counties.</summary>
    private async Task<IReadOnlyList<string>> CountiesAsync(CancellationToken ct)
    {
        var counties = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var connection in connections.OpenEachAsync(ct))
        {
            await using (connection)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"select distinct tenant_id from {WhistleSchema.Table("mt_streams")} where tenant_id <> '*DEFAULT*'";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) counties.Add(reader.GetString(0));
            }
        }
        return [.. counties];
    }
}

/// <summary>
/// The readiness answer as JSON: the overall status, and each check's status, description and figures (the durability
/// settings of PostgreSQL among them). Degraded still answers 200: the service serves; an operator reads why.
/// </summary>
internal static class HealthReports
{
    public static Task WriteAsync(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        });
}
