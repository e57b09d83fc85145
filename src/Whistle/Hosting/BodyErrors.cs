using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>
/// Turns a body that does not read as its command into a 400 naming the field by its JSON path (<c>channel</c>,
/// <c>complainant.phone</c>, <c>entries[0].whistleType</c>) and saying, in words, what the field expects: for an enum
/// its values. The exception's own message is never shown: it names .NET types.
/// </summary>
internal static partial class BodyErrors
{
    public static ProblemDetails From(JsonException exception, Type? bodyType, JsonSerializerOptions options)
    {
        if (exception.Path is null) return NotJson(exception);
        var field = Field(exception.Path);
        if (field.Length == 0)
            return Problems.BadRequest("请求体缺少必填字段，或结构不对。", "The request body misses a required field or has the wrong shape.");
        var expected = bodyType is null ? null : TypeAt(bodyType, field, options);
        var errors = new FieldErrors().Add(field, Expected(expected));
        var problem = errors.ToProblem();
        problem.Detail = $"请求体中字段 {field} 的值不对，见 errors。The request body's field {field} has a wrong value: see errors.";
        return problem;
    }

    /// <summary>Syntax errors: the reader's position, since no field could be read.</summary>
    private static ProblemDetails NotJson(JsonException exception)
    {
        var where = exception.LineNumber is { } line
            ? ($"（第 {line + 1} 行第 {exception.BytePositionInLine + 1} 字节附近）", $" (near line {line + 1}, byte {exception.BytePositionInLine + 1})")
            : ("", "");
        return Problems.BadRequest($"请求体不是有效的 JSON{where.Item1}。", $"The request body is not valid JSON{where.Item2}.");
    }

    /// <summary><c>$.complainant.phone</c> → <c>complainant.phone</c>; <c>$['a b']</c> → <c>a b</c>; <c>$</c> → empty.</summary>
    public static string Field(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "";
        var field = QuotedName().Replace(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$'), m => "." + m.Groups[1].Value);
        return field.TrimStart('.');
    }

    /// <summary>What the field at a path expects, walking the command's JSON contract (names as the options write them).</summary>
    public static Type? TypeAt(Type bodyType, string field, JsonSerializerOptions options)
    {
        Type? type = bodyType;
        foreach (var part in Segment().Matches(field).Select(m => m.Value))
        {
            if (type is null) return null;
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (part.StartsWith('['))
            {
                type = ElementOf(type);
                continue;
            }
            var info = options.GetTypeInfo(type);
            type = info.Properties.FirstOrDefault(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        }
        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1]
        : null;

    private static string Expected(Type? type)
    {
        var enumType = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (enumType is { IsEnum: true })
        {
            var values = EnumValues(enumType);
            return $"应为 {string.Join("、", values)} 之一。One of: {string.Join(", ", values)}.";
        }
        return $"应为{TypeWords.Zh(type)}。Expected {TypeWords.En(type)}.";
    }

    /// <summary>An enum's values as the API reads and writes them.</summary>
    public static IReadOnlyList<string> EnumValues(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)
            .ToList();

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"\[\d+\]|[^.\[\]]+")]
    private static partial Regex Segment();
}

/// <summary>The type a field or a query value expects, in Chinese and in English words; never a .NET type name.</summary>
internal static class TypeWords
{
    public static string Zh(Type? type) => Words(type).Zh;

    public static string En(Type? type) => Words(type).En;

    /// <summary>The type named at the end of a framework message ("… expected type System.Boolean").</summary>
    public static Type? FromName(string? message)
    {
        var name = message?.Split(' ', '.').LastOrDefault(w => w.Length > 0)?.Trim('\'', '"')?.ToLowerInvariant();
        return name switch
        {
            "bool" or "boolean" => typeof(bool),
            "int" or "int32" or "int16" or "short" => typeof(int),
            "long" or "int64" => typeof(long),
            "decimal" or "double" or "single" or "float" => typeof(decimal),
            "guid" => typeof(Guid),
            "dateonly" => typeof(DateOnly),
            "timeonly" => typeof(TimeOnly),
            "datetimeoffset" or "datetime" => typeof(DateTimeOffset),
            _ => null,
        };
    }

    private static (string Zh, string En) Words(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => ("正确格式的值", "a value of the expected form"),
            _ when type == typeof(string) => ("文本", "text"),
            _ when type == typeof(bool) => (" true 或 false", "true or false"),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => ("整数", "a whole number"),
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => ("数字", "a number"),
            _ when type == typeof(Guid) => ("标识（GUID，如 3f2504e0-4f89-11d3-9a0c-0305e82c3301）", "an id (a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301)"),
            _ when type == typeof(DateOnly) => ("日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)"),
            _ when type == typeof(TimeOnly) => ("时刻（HH:mm）", "a time of day (HH:mm)"),
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => ("带时区的时间（如 2026-12-05T09:30:00+08:00）", "a time with its offset (such as 2026-12-05T09:30:00+08:00)"),
            { IsEnum: true } => ($" {string.Join("、", BodyErrors.EnumValues(type))} 之一", $"one of {string.Join(", ", BodyErrors.EnumValues(type))}"),
            _ when type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) => ("列表（JSON 数组）", "a list (a JSON array)"),
            _ => ("对象（JSON 对象）", "an object (a JSON object)"),
        };
    }
}
