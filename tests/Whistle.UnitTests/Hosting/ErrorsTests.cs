using JasperFx;
using Npgsql;
using Shouldly;
using Whistle.Hosting;
using Xunit;

namespace Whistle.UnitTests.Hosting;

/// <summary>PostgreSQL out of reach is a 503 the client may retry with its key; what PostgreSQL refuses stays a 500.</summary>
public sealed class ErrorsTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData("57P01")]   // admin_shutdown: the backend was terminated
    [InlineData("57P02")]   // crash_shutdown
    [InlineData("57P03")]   // cannot_connect_now: the cluster is starting
    [InlineData("57014")]   // query_canceled: a statement timeout
    [InlineData("55P03")]   // lock_not_available: a lock timeout
    [InlineData("53300")]   // too_many_connections
    [InlineData("08006")]   // connection_failure
    public void a_database_that_is_out_of_reach_for_a_moment_is_503(string sqlState)
    {
        var problem = Errors.Classify(new InvalidOperationException("wrapped", Postgres(sqlState)));

        problem.Status.ShouldBe(503);
        problem.Title.ShouldBe("数据库暂时不可用 Database unavailable");
        problem.Detail.ShouldStartWith("数据库暂时不可用，请在 2 秒后用同一 Idempotency-Key 重试");
    }

    [Fact]
    public void a_connection_that_drops_or_times_out_is_503()
    {
        Errors.Classify(new NpgsqlException("Exception while reading from stream", new IOException("reset"))).Status.ShouldBe(503);
        Errors.Classify(new NpgsqlException("Exception while connecting", new TimeoutException())).Status.ShouldBe(503);
    }

    [Theory]
    [InlineData("23505")]   // unique_violation: a fault of ours, not of the database's availability
    [InlineData("42P01")]   // undefined_table
    public void an_error_postgresql_reports_about_the_statement_itself_stays_500(string sqlState) =>
        Errors.Classify(Postgres(sqlState)).Status.ShouldBe(500);

    [Fact]
    public void a_lost_race_is_still_409() =>
        Errors.Classify(new ConcurrencyException(typeof(object), Guid.NewGuid())).Status.ShouldBe(409);
}
