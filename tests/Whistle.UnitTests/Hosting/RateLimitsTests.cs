using Microsoft.Extensions.Configuration;
using Shouldly;
using Whistle.Hosting;
using Xunit;

namespace Whistle.UnitTests.Hosting;

/// <summary>The rate limits' settings: production defaults, each budget from configuration, 0 or false turning them off.</summary>
public sealed class RateLimitsTests
{
    private static RateLimits.Settings From(params (string Key, string Value)[] settings) =>
        RateLimits.Settings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"{RateLimits.Section}:{s.Key}", s.Value)))
            .Build());

    [Fact]
    public void without_configuration_the_production_defaults_hold()
    {
        var settings = From();

        settings.ShouldBe(RateLimits.Settings.Default);
        (settings.Enabled, settings.Reads, settings.Writes, settings.Anonymous)
            .ShouldBe((true, new RateLimits.Budget(600, 300), new RateLimits.Budget(120, 60), new RateLimits.Budget(120, 60)));
    }

    [Fact]
    public void each_budget_reads_its_own_settings_and_zero_turns_it_off()
    {
        var settings = From(("Writes:PerMinute", "30"), ("Writes:Burst", "5"), ("Anonymous:PerMinute", "0"), ("Enabled", "false"));

        settings.Enabled.ShouldBeFalse();
        settings.Writes.ShouldBe(new RateLimits.Budget(30, 5));
        settings.Reads.ShouldBe(RateLimits.Settings.Default.Reads);
        settings.Anonymous.On.ShouldBeFalse();
        settings.Writes.On.ShouldBeTrue();
    }

    [Theory]
    [InlineData(600, 10, 1.0)]
    [InlineData(120, 2, 1.0)]
    [InlineData(90, 2, 1.0)]
    [InlineData(60, 1, 1.0)]
    [InlineData(30, 1, 2.0)]
    [InlineData(1, 1, 60.0)]
    public void a_bucket_refills_whole_tokens_at_least_a_second_apart(int perMinute, int tokens, double seconds)
    {
        var options = new RateLimits.Budget(perMinute, 7).Options();

        (options.TokenLimit, options.TokensPerPeriod, options.ReplenishmentPeriod, options.QueueLimit)
            .ShouldBe((7, tokens, TimeSpan.FromSeconds(seconds), 0));
    }

    [Theory]
    [InlineData("POST", true)]
    [InlineData("PUT", true)]
    [InlineData("PATCH", true)]
    [InlineData("DELETE", true)]
    [InlineData("GET", false)]
    [InlineData("HEAD", false)]
    public void writes_are_the_methods_that_change_something(string method, bool write) =>
        RateLimits.IsWrite(method).ShouldBe(write);
}
