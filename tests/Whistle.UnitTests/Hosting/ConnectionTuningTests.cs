using Npgsql;
using Shouldly;
using Whistle.Hosting;
using Xunit;

namespace Whistle.UnitTests.Hosting;

public sealed class ConnectionTuningTests
{
    private static NpgsqlConnectionStringBuilder Tuned(string connectionString) => new(ConnectionTuning.Apply(connectionString));

    [Fact]
    public void a_connection_string_without_preparation_settings_gets_automatic_preparation()
    {
        var tuned = Tuned("Host=127.0.0.1;Port=55432;Database=whistle;Username=postgres");

        tuned.MaxAutoPrepare.ShouldBe(64);
        tuned.AutoPrepareMinUsages.ShouldBe(2);
        tuned.CommandTimeout.ShouldBe(300);
        tuned.Host.ShouldBe("127.0.0.1");
        tuned.Port.ShouldBe(55432);
        tuned.Database.ShouldBe("whistle");
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, 2)]
    [InlineData("Host=db;max auto prepare=10;Auto Prepare Min Usages=5", 10, 5)]
    [InlineData("Host=db;Auto Prepare Min Usages=3", 64, 3)]
    public void settings_the_string_gives_itself_are_kept(string connectionString, int maxAutoPrepare, int minUsages)
    {
        var tuned = Tuned(connectionString);

        tuned.MaxAutoPrepare.ShouldBe(maxAutoPrepare);
        tuned.AutoPrepareMinUsages.ShouldBe(minUsages);
    }

    [Theory]
    [InlineData("Host=db;Command Timeout=30", 30)]
    [InlineData("Host=db;commandtimeout=0", 0)]
    public void a_command_timeout_the_string_gives_itself_is_kept(string connectionString, int seconds) =>
        Tuned(connectionString).CommandTimeout.ShouldBe(seconds);

    [Fact]
    public void other_options_pass_through_unchanged()
    {
        var tuned = Tuned("Host=db;Options=-c synchronous_commit=off;Pooling=false");

        tuned.Options.ShouldBe("-c synchronous_commit=off");
        tuned.Pooling.ShouldBeFalse();
    }
}
