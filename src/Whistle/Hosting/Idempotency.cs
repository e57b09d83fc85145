using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>
/// The <c>Idempotency-Key</c> header on a command: the first request with a key runs and its answer is kept;
/// the same key again (same user, same county) gets that answer back and appends nothing. The same key with a
/// different request is refused with 422, and one still running with 409.
/// </summary>
public sealed partial class Idempotency(RequestDelegate next, WhistleDatabase database, TimeProvider clock, ILogger<Idempotency> logger)
{
    private const string TableName = "idempotency_keys";
    private static readonly string Keys = WhistleSchema.Table(TableName);

    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 100;
    /// <summary>A claim older than this without an answer belongs to a request that died; it may be taken over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(WhistleSchema.Name, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<string>("user_id").AsPrimaryKey();
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn<string>("fingerprint").NotNull();
        table.AddColumn<DateTimeOffset>("claimed_at").NotNull();
        table.AddColumn<int>("status");
        table.AddColumn<string>("content_type");
        table.AddColumn<string>("location");
        table.AddColumn("body", "bytea");
        return table;
    }

    public async Task InvokeAsync(HttpContext http)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0 || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }
        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            await Problem(http, StatusCodes.Status400BadRequest,
                $"Idempotency-Key 应为不超过 {MaxKeyLength} 个可见字符。", $"{Header} must be at most {MaxKeyLength} printable characters.");
            return;
        }

        var tenant = http.User.CountyOf() ?? "";
        var user = http.User.FindFirst(WhistleClaims.Subject)?.Value ?? "";
        var fingerprint = await Fingerprint(http.Request);
        var now = clock.GetUtcNow();

        await using (var connection = await database.OpenAsync(http.RequestAborted))
        {
            var claimed = await Claim(connection, tenant, user, key, fingerprint, now, http.RequestAborted);
            if (!claimed)
            {
                await AnswerFromRecord(http, connection, tenant, user, key, fingerprint);
                return;
            }
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            await Release(tenant, user, key);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            if (http.Response.StatusCode >= 500) await Release(tenant, user, key);
            else await Record(connection, tenant, user, key, http.Response, buffer.ToArray());
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task<string> Fingerprint(HttpRequest request)
    {
        request.EnableBuffering();
        var hash = await SHA256.HashDataAsync(request.Body);
        request.Body.Position = 0;
        return $"{request.Method} {request.Path} {Convert.ToHexString(hash)}";
    }

    /// <summary>Claims the key for this request; false when another request holds or has answered it.</summary>
    private static async Task<bool> Claim(NpgsqlConnection connection, string tenant, string user, string key,
        string fingerprint, DateTimeOffset now, CancellationToken ct)
    {
        await using (var clear = new NpgsqlCommand($"""
            delete from {Keys}
             where tenant_id = $1 and user_id = $2 and key = $3
               and (claimed_at < $4 or (status is null and claimed_at < $5))
            """, connection))
        {
            clear.Parameters.Add(new() { Value = tenant });
            clear.Parameters.Add(new() { Value = user });
            clear.Parameters.Add(new() { Value = key });
            clear.Parameters.Add(new() { Value = now - KeptFor });
            clear.Parameters.Add(new() { Value = now - AbandonedAfter });
            await clear.ExecuteNonQueryAsync(ct);
        }
        await using var insert = new NpgsqlCommand($"""
            insert into {Keys} (tenant_id, user_id, key, fingerprint, claimed_at)
            values ($1, $2, $3, $4, $5) on conflict do nothing returning true
            """, connection);
        insert.Parameters.Add(new() { Value = tenant });
        insert.Parameters.Add(new() { Value = user });
        insert.Parameters.Add(new() { Value = key });
        insert.Parameters.Add(new() { Value = fingerprint });
        insert.Parameters.Add(new() { Value = now });
        return await insert.ExecuteScalarAsync(ct) is true;
    }

    private async Task AnswerFromRecord(HttpContext http, NpgsqlConnection connection, string tenant, string user,
        string key, string fingerprint)
    {
        await using var command = new NpgsqlCommand(
            $"select fingerprint, status, content_type, location, body from {Keys} where tenant_id = $1 and user_id = $2 and key = $3",
            connection);
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = user });
        command.Parameters.Add(new() { Value = key });
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        if (!await reader.ReadAsync(http.RequestAborted))
        {
            await Problem(http, StatusCodes.Status409Conflict,
                "同一 Idempotency-Key 的请求刚刚结束，请重试。", "A request with this key just finished; retry.");
            return;
        }
        if (reader.GetString(0) != fingerprint)
        {
            await Problem(http, StatusCodes.Status422UnprocessableEntity,
                "该 Idempotency-Key 已用于另一个不同的请求。", "This Idempotency-Key was already used for a different request.");
            return;
        }
        if (reader.IsDBNull(1))
        {
            await Problem(http, StatusCodes.Status409Conflict,
                "同一 Idempotency-Key 的请求仍在处理中，请稍后重试。", "A request with this Idempotency-Key is still being processed.");
            return;
        }
        LogReplay(logger, key);
        http.Response.StatusCode = reader.GetInt32(1);
        if (!reader.IsDBNull(2)) http.Response.ContentType = reader.GetString(2);
        if (!reader.IsDBNull(3)) http.Response.Headers.Location = reader.GetString(3);
        http.Response.Headers[ReplayedHeader] = "true";
        if (!reader.IsDBNull(4)) await http.Response.Body.WriteAsync((byte[])reader.GetValue(4), http.RequestAborted);
    }

    private static async Task Record(NpgsqlConnection connection, string tenant, string user, string key,
        HttpResponse response, byte[] body)
    {
        await using var command = new NpgsqlCommand(
            $"update {Keys} set status = $4, content_type = $5, location = $6, body = $7 where tenant_id = $1 and user_id = $2 and key = $3",
            connection);
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = user });
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = response.StatusCode });
        command.Parameters.Add(new() { Value = (object?)response.ContentType ?? DBNull.Value });
        var location = response.Headers.Location.ToString();
        command.Parameters.Add(new() { Value = location.Length > 0 ? location : DBNull.Value });
        command.Parameters.Add(new() { Value = body });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A failed request gives its key back, so that the client's retry runs for real.</summary>
    private async Task Release(string tenant, string user, string key)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(
            $"delete from {Keys} where tenant_id = $1 and user_id = $2 and key = $3 and status is null",
            connection);
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = user });
        command.Parameters.Add(new() { Value = key });
        await command.ExecuteNonQueryAsync();
    }

    private static Task Problem(HttpContext http, int status, string zh, string en)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = "Idempotency-Key", Detail = $"{zh} {en}" },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replaying the answer kept for Idempotency-Key {Key}")]
    private static partial void LogReplay(ILogger logger, string key);
}
