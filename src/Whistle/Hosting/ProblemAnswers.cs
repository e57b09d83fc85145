using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Whistle.Hosting;

/// <summary>
/// The last look at every ProblemDetails the service writes (<c>ProblemDetailsOptions.CustomizeProblemDetails</c>): an
/// answer that came from the framework, not from Whistle's own rules, gets a Chinese then English title and detail for
/// its status (a bare 404 of an unknown route, 405, 415, a query value that does not parse), and every refusal of a
/// client's request is logged as one warning line without a stack trace.
/// </summary>
internal static partial class ProblemAnswers
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Extensions.TryGetValue("parameter", out var parameter) && parameter is string name)
        {
            var raw = context.HttpContext.Request.Query[name].ToString();
            var expected = QueryForm.TypeOf(context.HttpContext, name) ?? TypeWords.FromName(problem.Detail);
            problem.Title = "查询参数无效 Invalid query value";
            problem.Detail = $"查询参数 {name} 的值“{raw}”无法识别，应为{TypeWords.Zh(expected)}。"
                + $"The query parameter {name} has the value '{raw}', which does not read as {TypeWords.En(expected)}.";
        }
        else if (!Bilingual.IsChinese(problem.Title) || !Bilingual.IsChinese(problem.Detail))
        {
            var (title, detail) = ForStatus(status, context.HttpContext);
            problem.Title = title;
            problem.Detail = detail;
        }
        // Refusals raised as exceptions are logged by Errors, once.
        if (status is >= 400 and < 500 && context.Exception is null)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProblemAnswers));
            LogRefused(logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path, status, problem.Detail);
        }
    }

    /// <summary>
    /// Answers a status set without a body (an unknown route's 404, 405 with its <c>Allow</c> header, 415) with its
    /// ProblemDetails; <c>UseStatusCodePages</c> calls it only while the response has no body yet.
    /// </summary>
    public static Task WriteStatusAsync(StatusCodeContext context) =>
        WriteAsync(context.HttpContext, new ProblemDetails { Status = context.HttpContext.Response.StatusCode });

    /// <summary>Writes a ProblemDetails through the service's writer (so <see cref="Customize"/> sees it), as JSON whatever the Accept header.</summary>
    public static async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status ?? http.Response.StatusCode;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem })) return;
        Customize(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        await http.Response.WriteAsJsonAsync(problem, problem.GetType(), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", http.RequestAborted);
    }

    /// <summary>A Chinese then English title and detail for a status the framework answered without Whistle's words.</summary>
    public static (string Title, string Detail) ForStatus(int status, HttpContext? http = null) => status switch
    {
        400 => ("请求无效 Bad request", "请求无法处理，请检查后重试。The request could not be processed; check it and retry."),
        401 => ("未认证 Unauthorized", "需要有效的访问令牌（Authorization: Bearer …）。A valid bearer token is required (Authorization: Bearer …)."),
        403 => ("无权操作 Forbidden", "您的角色不能执行此操作。Your role may not do this."),
        404 => ("未找到 Not found", $"没有这个地址或记录：{http?.Request.Path}。There is no such route or record: {http?.Request.Path}."),
        405 => ("方法不允许 Method not allowed",
            $"此地址不接受 {http?.Request.Method}，可用：{http?.Response.Headers.Allow}。{http?.Request.Method} is not accepted here; allowed: {http?.Response.Headers.Allow}."),
        406 => ("无法提供该格式 Not acceptable", "无法按 Accept 头要求的格式回答。No answer in the format the Accept header asks for."),
        409 => ("状态冲突 Conflict", "案件刚被修改，请刷新后重试。The case has just changed; reload and retry."),
        413 => ("请求体过大 Payload too large", $"请求体不能超过 {RequestSizeLimit.MaxBytes / 1024} KB。The body must be at most {RequestSizeLimit.MaxBytes / 1024} KB."),
        415 => ("不支持的内容类型 Unsupported media type",
            $"请求体应为 JSON（Content-Type: application/json），收到的是“{http?.Request.ContentType}”。The body must be JSON (Content-Type: application/json), not '{http?.Request.ContentType}'."),
        429 => ("请求过多 Too many requests", "请求过于频繁，请稍后重试。Too many requests; retry later."),
        503 => ("服务暂时不可用 Service unavailable", "服务暂时不可用，请稍后重试。The service is unavailable for a moment; retry later."),
        >= 500 => ("服务器内部错误 Internal error", "处理请求时出错，已记录日志。The error was logged."),
        _ => ("请求无效 Bad request", $"请求无法处理（状态 {status}）。The request could not be processed (status {status})."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with {Status}: {Detail}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, int status, string? detail);
}

/// <summary>Whether a text already carries Whistle's Chinese words (any CJK ideograph).</summary>
internal static class Bilingual
{
    public static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4E00' and <= '\u9FFF');
}

/// <summary>The form a query parameter expects, in words, read from the endpoint's own parameter of that name.</summary>
internal static class QueryForm
{
    public static Type? TypeOf(HttpContext http, string name) =>
        http.GetEndpoint()?.Metadata.GetMetadata<Wolverine.Http.HttpChain>()?.Method.Method.GetParameters()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.ParameterType;
}
