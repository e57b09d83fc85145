using Npgsql;

namespace Whistle.Hosting;

/// <summary>Whistle's own PostgreSQL connections, for the few tables it keeps outside Marten's documents and events.</summary>
public sealed class WhistleDatabase(NpgsqlDataSource dataSource)
{
    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct) => dataSource.OpenConnectionAsync(ct);
}
