using Npgsql;

// The bare anchor (issue 17): POST /streams inserts a stream row and its first event row in one transaction, with
// Npgsql through an NpgsqlDataSource and nothing else; the tables are made at start when missing.
// Usage: dotnet MinimalApi.dll "<connection string>"  (listens on ASPNETCORE_URLS)
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connection = args.Length > 0 ? args[0] : throw new ArgumentException("usage: MinimalApi <connection string>");
await using var data = NpgsqlDataSource.Create(connection);
await using (var create = data.CreateCommand("""
    create table if not exists streams(id uuid primary key, type text not null, version int not null, ts timestamptz not null);
    create table if not exists events(seq bigserial primary key, stream_id uuid not null, version int not null, data jsonb not null, ts timestamptz not null);
    """))
{
    await create.ExecuteNonQueryAsync();
}

var app = builder.Build();
app.MapPost("/streams", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync();
    var id = Guid.CreateVersion7();
    await using var conn = await data.OpenConnectionAsync();
    await using var tx = await conn.BeginTransactionAsync();
    await using var batch = new NpgsqlBatch(conn, tx)
    {
        BatchCommands =
        {
            new NpgsqlBatchCommand("insert into streams(id, type, version, ts) values ($1, 'complaint', 1, now())")
                { Parameters = { new() { Value = id } } },
            new NpgsqlBatchCommand("insert into events(stream_id, version, data, ts) values ($1, 1, $2::jsonb, now())")
                { Parameters = { new() { Value = id }, new() { Value = body.Length == 0 ? "{}" : body } } },
        },
    };
    await batch.ExecuteNonQueryAsync();
    await tx.CommitAsync();
    return Results.Created($"/streams/{id}", new { id });
});
await app.RunAsync();
