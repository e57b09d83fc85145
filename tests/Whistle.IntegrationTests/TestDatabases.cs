using Npgsql;

namespace Whistle.IntegrationTests;

/// <summary>Databases of a test's own on the tests' PostgreSQL server, beside the shared one the fixture's host uses.</summary>
public static class TestDatabases
{
    /// <summary>
    /// A fresh, empty database of this name (dropped first if a previous run left it), and its connection string: for a
    /// host of the test's own, so no other host picks up its messages and no other test meets what it does to its data.
    /// </summary>
    public static async Task<string> FreshAsync(string name)
    {
        var main = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__Whistle"));
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(main.ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(main.ConnectionString) { Database = name }.ConnectionString;
    }
}
