using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Whistle.County.Deadlines;
using Whistle.Hosting;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.Hosting;

[Collection(EveryCounty.Name)]
public sealed class ReadinessCalendarTests(AppFixture app)
{
    private async Task<HealthCheckResult> CheckAt(string now)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var check = new OfficialScheduleHealthCheck(app.Store, app.Host.Services.GetRequiredService<CountyConnections>(), clock);
        return await check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("official-holiday-schedule", check, HealthStatus.Degraded, ["ready"]),
        }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ready_is_degraded_naming_the_missing_year_within_60_days_of_it()
    {
        var result = await CheckAt("2026-12-04T09:00:00+08:00");

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Description.ShouldNotBeNull().ShouldContain("The official holiday schedule for 2027 is missing");
        result.Description.ShouldContain("starts in 28 day(s)");
    }

    [Fact]
    public async Task ready_is_healthy_earlier_in_the_year_and_when_the_next_year_is_embedded()
    {
        (await CheckAt("2026-06-01T09:00:00+08:00")).Status.ShouldBe(HealthStatus.Healthy);
        (await CheckAt("2025-12-20T09:00:00+08:00")).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task a_county_that_never_wrote_a_calendar_counts_as_lacking_the_coming_year()
    {
        var before = LackingCounties(await CheckAt("2026-12-04T09:00:00+08:00"));
        await using (var session = app.Store.LightweightSession($"readiness-{Guid.NewGuid():N}"))
        {
            // A county that has recorded something, but never a calendar of its own.
            session.Events.StartStream<DeadlinePolicy>(DeadlinePolicy.StreamId, new DeadlinePolicyPublished(
                DeadlinePolicy.StreamId, 1, DeadlinePolicy.Default.Rules, null, new Actor("admin", "陈管理", Roles.Admin), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        LackingCounties(await CheckAt("2026-12-04T09:00:00+08:00")).ShouldBe(before + 1);
    }

    private static int LackingCounties(HealthCheckResult result) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(result.Description!, @"missing from (\d+) county").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
}
