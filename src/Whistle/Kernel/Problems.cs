using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Whistle.Kernel;

/// <summary>
/// The ProblemDetails answers Whistle gives. Each detail is a Chinese sentence first, then English,
/// because the people who read them read Chinese first.
/// </summary>
public static class Problems
{
    public static ProblemDetails None => WolverineContinue.NoProblems;

    public static ProblemDetails NotFound(string zh, string en) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "未找到 Not found",
        Detail = $"{zh} {en}",
    };

    public static ProblemDetails Conflict(string zh, string en) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "状态冲突 Conflict",
        Detail = $"{zh} {en}",
    };

    public static ProblemDetails Forbidden(string zh, string en) => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "无权操作 Forbidden",
        Detail = $"{zh} {en}",
    };

    public static ProblemDetails BadRequest(string zh, string en) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "请求无效 Bad request",
        Detail = $"{zh} {en}",
    };

    /// <summary>The client's expected version is not the stream's: 409 carrying the current version.</summary>
    public static ProblemDetails StaleVersion(long expected, long current)
    {
        var problem = Conflict(
            $"案件已被他人修改：期望版本 {expected}，当前版本 {current}。请刷新后重试。",
            $"The case has changed: expected version {expected}, current version {current}. Reload and retry.");
        problem.Extensions["expectedVersion"] = expected;
        problem.Extensions["currentVersion"] = current;
        return problem;
    }

    /// <summary>Returns a 409 when the client sent an expected version that is no longer current.</summary>
    public static ProblemDetails? CheckVersion(long? expected, long current) =>
        expected is { } e && e != current ? StaleVersion(e, current) : null;
}

/// <summary>Collects field errors of a request body; answers 400 with all of them at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public FieldErrors Text(string field, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "必填。Required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"不能超过 {maxLength} 个字符。At most {maxLength} characters.");
        }
        return this;
    }

    public FieldErrors Defined<TEnum>(string field, TEnum? value) where TEnum : struct, Enum
    {
        if (value is null) Add(field, "必填。Required.");
        else if (!Enum.IsDefined(value.Value)) Add(field, $"不是有效的取值。Not a valid value: {value}.");
        return this;
    }

    public FieldErrors Required(string field, Guid? value)
    {
        if (value is null || value == Guid.Empty) Add(field, "必填。Required.");
        return this;
    }

    public FieldErrors When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public ProblemDetails ToProblem()
    {
        if (!Any) return Problems.None;
        return new ValidationProblemDetails(errors.ToDictionary(x => x.Key, x => x.Value.ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "请求内容有误 One or more fields are invalid",
            Detail = "请按字段提示修改后重试。Correct the fields listed in errors and retry.",
        };
    }
}
