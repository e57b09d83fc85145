using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Shouldly;
using Whistle.Hosting;

namespace Whistle.IntegrationTests.Hosting;

public sealed class ReadinessTests
{
    [Fact]
    public async Task ready_is_unhealthy_when_postgresql_does_not_answer_after_the_retries()
    {
        // Port 1 on loopback: nothing listens, so every attempt is refused (a transient failure, retried, then given up).
        await using var nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");
        var check = new PostgresHealthCheck(new WhistleDatabase(nowhere));

        var result = await check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("postgresql", check, HealthStatus.Unhealthy, ["ready"]),
        }, TestContext.Current.CancellationToken);

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Exception.ShouldBeOfType<NpgsqlException>().IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task ready_is_healthy_and_reports_durability_when_postgresql_answers_with_its_durable_defaults()
    {
        var durable = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__Whistle")) { Options = "-c synchronous_commit=on" };
        await using var source = NpgsqlDataSource.Create(durable.ConnectionString);

        var result = await Check(source);

        result.Status.ShouldBe(HealthStatus.Healthy);
        result.Data.ShouldBe(new Dictionary<string, object> { ["fsync"] = "on", ["full_page_writes"] = "on", ["synchronous_commit"] = "on" }, ignoreOrder: true);
    }

    /// <summary>ops/test's connections relax synchronous_commit: readiness says so, naming the setting.</summary>
    [Fact]
    public async Task ready_is_degraded_naming_the_setting_when_a_durability_setting_is_off()
    {
        await using var tests = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Whistle")!);

        var result = await Check(tests);

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Data["synchronous_commit"].ShouldBe("off");
        result.Description.ShouldBe("PostgreSQL 可用，但 synchronous_commit 已关闭：崩溃时已确认的案件可能丢失。PostgreSQL answers, but synchronous_commit off: a crash can lose acknowledged cases.");
    }

    private static Task<HealthCheckResult> Check(NpgsqlDataSource source) =>
        new PostgresHealthCheck(new WhistleDatabase(source)).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("postgresql", _ => null!, HealthStatus.Unhealthy, ["ready"]),
        }, TestContext.Current.CancellationToken);
}
