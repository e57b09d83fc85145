using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Whistle.County.Calendar;
using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>Ready means PostgreSQL answers.</summary>
internal sealed class PostgresHealthCheck(WhistleDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "select 1";
            await command.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy("PostgreSQL answers");
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
internal sealed class OfficialScheduleHealthCheck(IDocumentStore store, WhistleDatabase database, TimeProvider clock) : IHealthCheck
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

    /// <summary>The counties (Marten tenants) that have recorded anything.</summary>
    private async Task<IReadOnlyList<string>> CountiesAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"select distinct tenant_id from {WhistleSchema.Table("mt_streams")} where tenant_id <> '*DEFAULT*' order by 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var counties = new List<string>();
        while (await reader.ReadAsync(ct)) counties.Add(reader.GetString(0));
        return counties;
    }
}
