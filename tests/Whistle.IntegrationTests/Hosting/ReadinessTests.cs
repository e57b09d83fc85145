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
    public async Task ready_is_healthy_when_postgresql_answers()
    {
        await using var tests = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Whistle")!);

        var result = await new PostgresHealthCheck(new WhistleDatabase(tests)).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("postgresql", _ => null!, HealthStatus.Unhealthy, ["ready"]),
        }, TestContext.Current.CancellationToken);

        result.Status.ShouldBe(HealthStatus.Healthy);
    }
}
