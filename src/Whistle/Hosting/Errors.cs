using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>
/// Turns what escapes an endpoint into ProblemDetails: bad JSON is 400, a lost race is 409, PostgreSQL out of reach is
/// 503 with <c>Retry-After</c>, never a bare 500.
/// </summary>
/// <remarks>
/// What retries what when PostgreSQL fails (issue 14): Marten's own Polly pipelines, left at their defaults on purpose.
/// Its read pipeline (<c>StoreOptions.ConfigurePolly</c>) retries reads on Npgsql's transient errors; its write pipeline
/// (<c>ConfigureWritePolly</c>) replays a commit only when PostgreSQL itself said the transaction rolled back, never when
/// the wire failed and the commit's outcome is unknown, since a replay could append the events twice. Wolverine retries
/// messages (<c>OnException&lt;NpgsqlException&gt;</c> in <see cref="WhistleHosting"/>); its durable inbox makes that safe.
/// An HTTP command whose commit failed is answered 503 here and retried by the client with the same
/// <c>Idempotency-Key</c>, which runs it once.
/// </remarks>
internal sealed partial class Errors(IProblemDetailsService problems, ILogger<Errors> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = Classify(exception);
        // A client's mistake or a lost race is one warning line, an unreachable database one more (below); only the
        // service's own fault carries its stack trace.
        if (problem.Status == StatusCodes.Status500InternalServerError) LogUnhandled(logger, exception, http.Request.Method, http.Request.Path);
        else if (problem.Status < 500) LogRefused(logger, http.Request.Method, http.Request.Path, problem.Status!.Value, exception.GetType().Name, problem.Detail);
        http.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            LogUnavailable(logger, http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>What a 503 asks the client to wait: about the time PostgreSQL takes to come back from a restart.</summary>
    public const int RetryAfterSeconds = 2;

    /// <summary>
    /// SQLSTATEs that mean the database is out of reach for a moment, not that the request was wrong: the connection
    /// class (08), too many connections (53300), an administrator's or a crash's shutdown (57P01, 57P02), the cluster
    /// starting up (57P03), a cancelled statement or statement timeout (57014), a lock not had in time (55P03), and an
    /// idle session timed out (57P05). PostgreSQL rolled the statement back; the client's retry with the same
    /// <c>Idempotency-Key</c> runs it once.
    /// </summary>
    private static readonly HashSet<string> Unavailable = ["53300", "57P01", "57P02", "57P03", "57P05", "57014", "55P03"];

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL unavailable on {Method} {Path}: {Reason}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with {Status} ({ExceptionType}): {Detail}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, int status, string exceptionType, string? detail);

    internal static ProblemDetails Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case JsonException json:
                    return BodyErrors.From(json, null, JsonSerializerOptions.Default);
                case BadHttpRequestException bad:
                    // The framework's message names parameters by their .NET types: the status's own words instead.
                    var (title, detail) = ProblemAnswers.ForStatus(bad.StatusCode);
                    return new ProblemDetails { Status = bad.StatusCode, Title = title, Detail = detail };
                case Wolverine.Runtime.Agents.DaemonNotRunningOnThisNodeException:
                    return Problems.Conflict("本节点未运行投影守护进程（多节点部署时由其他节点运行），请稍后重试或在维护窗口用命令行重建。",
                        "This node runs no projection daemon (another node of the cluster does): retry, or rebuild from the command line in a maintenance window.");
                case JasperFx.Events.Daemon.ProjectionAlreadyRebuildingException rebuilding:
                    return Problems.Conflict($"投影 {rebuilding.ProjectionName} 正在重建，请等待其完成。",
                        $"The projection {rebuilding.ProjectionName} is being rebuilt already; wait for it to finish.");
                case ConcurrencyException:
                    return Problems.Conflict("案件刚被他人修改，请刷新后重试。",
                        "Someone else changed the case at the same moment; reload and retry.");
                case Marten.Exceptions.ExistingStreamIdCollisionException or ExistingStreamIdCollisionException:
                    // Two requests starting the same stream at once (an id derived from what it is about): the loser's
                    // answer is what it would have got a moment later, a conflict.
                    return Problems.Conflict("同一记录刚由另一请求创建，请刷新后查看。",
                        "Another request created the same record at the same moment; reload to see it.");
                case Npgsql.PostgresException pg when Unavailable.Contains(pg.SqlState) || pg.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return DatabaseUnavailable();
                case Npgsql.PostgresException:
                    break;
                case Npgsql.NpgsqlException { IsTransient: true } or TimeoutException:
                    return DatabaseUnavailable();
            }
        }
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "服务器内部错误 Internal error",
            Detail = "处理请求时出错，已记录日志。The error was logged.",
        };
    }

    private static ProblemDetails DatabaseUnavailable() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "数据库暂时不可用 Database unavailable",
        Detail = $"数据库暂时不可用，请在 {RetryAfterSeconds} 秒后用同一 Idempotency-Key 重试，命令不会重复执行。"
            + $"The database is out of reach for a moment: retry in {RetryAfterSeconds} s with the same Idempotency-Key, and the command will not run twice.",
    };
}

/// <summary>Refuses oversized bodies up front with a 413 ProblemDetails, before anything reads them.</summary>
internal sealed class RequestSizeLimit(RequestDelegate next)
{
    public const long MaxBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await http.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "请求体过大 Payload too large",
                Detail = $"请求体不能超过 {MaxBytes / 1024} KB。The body must be at most {MaxBytes / 1024} KB.",
            }, (JsonSerializerOptions?)null, "application/problem+json");
            return;
        }
        await next(http);
    }
}

/// <summary>
/// Reads a command's JSON body once before the endpoint does, as the endpoint's own body type: a body that is no JSON,
/// does not fit the type, or whose top is no object (<c>null</c>, a list, a number) is a 400 ProblemDetails here, naming
/// the field and what it expects (<see cref="BodyErrors"/>). So no endpoint meets a null command, and the client's
/// mistake is logged as one warning line: the endpoint's own reader would log it as an error with its stack.
/// </summary>
internal sealed partial class JsonBodyCheck(RequestDelegate next, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<JsonBodyCheck> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var bodyType = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (bodyType is null || !request.HasJsonContentType())
        {
            await next(http);
            return;
        }
        request.EnableBuffering();
        var problem = await CheckAsync(request.Body, bodyType, json.Value.SerializerOptions, http.RequestAborted);
        request.Body.Position = 0;
        if (problem is null)
        {
            await next(http);
            return;
        }
        LogRefused(logger, request.Method, request.Path, problem.Detail);
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        // Its runtime type: a ValidationProblemDetails keeps its errors.
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", http.RequestAborted);
    }

    private static async Task<ProblemDetails?> CheckAsync(Stream body, Type bodyType, JsonSerializerOptions options, CancellationToken ct)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(body, default, ct);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return Problems.BadRequest("请求体应为 JSON 对象（没有字段时为 {}）。",
                    $"The request body must be a JSON object ({{}} when the command has no fields), not {Kind(json.RootElement.ValueKind)}.");
            json.RootElement.Deserialize(bodyType, options);
            // Every text and list within its bound (BodyLimits), whichever command it is.
            return BodyLimits.Check(json.RootElement, bodyType);
        }
        catch (JsonException e)
        {
            return BodyErrors.From(e, bodyType, options);
        }
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed body on {Method} {Path}: {Detail}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string? detail);
}
