using Marten;
using Marten.Schema;

namespace Whistle.Hosting;

/// <summary>
/// Keeps one schema fingerprint per database: the configuration applied last. Weasel keeps up to 25 (for stores sharing
/// a database); Whistle has one store per database, and an older stamp left behind would let a rolled-back version
/// skip the comparison that re-patches what the newer one changed (its functions, say). Runs after the schema is
/// applied (and after each test's data reset), in every database of the store.
/// </summary>
public sealed class SchemaFingerprints : IInitialData
{
    public const string Table = "public.weasel_schema_fingerprints";

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        foreach (var database in await store.Storage.AllDatabases())
        {
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(cancellation);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                do $$ begin
                  if to_regclass('{Table}') is not null then
                    delete from {Table} where applied_at < (select max(applied_at) from {Table});
                  end if;
                end $$
                """;
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }
}
