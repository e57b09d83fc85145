using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Whistle.County.Calendar;

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
/// days (see <see cref="OfficialScheduleCoverage"/>): looks at every county's calendar, whatever the tenant.
/// </summary>
internal sealed class OfficialScheduleHealthCheck(IDocumentStore store, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var counties = await session.Query<CountyCalendar>().Where(c => c.AnyTenant()).ToListAsync(ct);
        return OfficialScheduleCoverage.Missing(clock.GetUtcNow(), counties) is { } missing
            ? HealthCheckResult.Degraded(missing)
            : HealthCheckResult.Healthy("The coming year's official holiday schedule is known, or not yet due");
    }
}
