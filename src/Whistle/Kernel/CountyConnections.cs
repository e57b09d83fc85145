using System.Runtime.CompilerServices;
using Marten;
using Npgsql;
using Whistle.Hosting;

namespace Whistle.Kernel;

/// <summary>
/// Connections for Whistle's own SQL over a county's data (history verification, evidence links, the event export), in
/// the database that holds the county: the main database, or the county's own where <see cref="CountyDatabases"/> gives it
/// one (Marten's tenancy finds it). Code that has a session uses <c>session.Database</c> instead.
/// </summary>
public sealed class CountyConnections(IDocumentStore store, NpgsqlDataSource main, CountyDatabases counties)
{
    /// <summary>An open connection to the database holding the county.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(string county, CancellationToken ct)
    {
        if (!counties.Separate) return await main.OpenConnectionAsync(ct);
        var connection = (await store.Storage.FindOrCreateDatabase(county)).CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>An open connection to every database that holds counties, one after another: for reads over every county.</summary>
    public async IAsyncEnumerable<NpgsqlConnection> OpenEachAsync([EnumeratorCancellation] CancellationToken ct)
    {
        if (!counties.Separate)
        {
            yield return await main.OpenConnectionAsync(ct);
            yield break;
        }
        foreach (var database in await store.Storage.AllDatabases())
        {
            var connection = database.CreateConnection();
            await connection.OpenAsync(ct);
            yield return connection;
        }
    }
}
