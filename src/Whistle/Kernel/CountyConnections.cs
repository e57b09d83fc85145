using System.Runtime.CompilerServices;
using Marten;
using Npgsql;

namespace Whistle.Kernel;

/// <summary>
/// Connections for Whistle's own SQL over a county's data (history verification, evidence links, the event export), in
/// the database that holds the county: the main database, or the county's own where the host's configuration gives it one
/// (<c>Whistle:Counties:&lt;code&gt;:Database</c>; Marten's tenancy finds it). Code that has a session uses
/// <c>session.Database</c> instead.
/// </summary>
/// <param name="store">The store whose tenancy knows each county's database.</param>
/// <param name="main">The main database's connections.</param>
/// <param name="separate">True when some county has a database of its own; else every county is in <paramref name="main"/>.</param>
public sealed class CountyConnections(IDocumentStore store, NpgsqlDataSource main, bool separate)
{
    /// <summary>An open connection to the database holding the county.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(string county, CancellationToken ct)
    {
        if (!separate) return await main.OpenConnectionAsync(ct);
        var connection = (await store.Storage.FindOrCreateDatabase(county)).CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>An open connection to every database that holds counties, one after another: for reads over every county.</summary>
    public async IAsyncEnumerable<NpgsqlConnection> OpenEachAsync([EnumeratorCancellation] CancellationToken ct)
    {
        if (!separate)
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
