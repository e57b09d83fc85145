using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Whistle.Kernel;

/// <summary>
/// One rule for every command body, checked before the endpoint runs (<c>Hosting/JsonBodyCheck</c> for the API,
/// <see cref="Web.PageCommands"/> for a page's form): no text longer than <see cref="MaxLength"/> characters and no list
/// longer than <see cref="MaxItems"/> items, at any depth, unless the field's own <see cref="BodyLimitAttribute"/> allows
/// more; no text holding a control character (a NUL) or a lone surrogate. A field over its bound is a 400 naming it
/// (<c>entries[3].lead</c>), Chinese then English, as the commands' own validation answers. The commands keep their own,
/// usually tighter, checks (a name 50, a phone 30); this is the bound no field escapes. Query values are held to
/// <see cref="MaxQueryLength"/> characters each (<c>Hosting/QueryLimit</c>), page sizes by each list's own maximum.
/// </summary>
public static class BodyLimits
{
    /// <summary>The longest free text a command takes without a bound of its own: a complaint's description.</summary>
    public const int MaxLength = 2000;

    public const int MaxItems = 100;

    /// <summary>The longest query value: a search's words, a code, a date, a number are all far shorter.</summary>
    public const int MaxQueryLength = 200;

    private const int MaxErrors = 20;

    private static readonly ConcurrentDictionary<(Type, string), (Type? Type, BodyLimitAttribute? Limit)> Members = new();

    /// <summary>The 400 for a body over its bounds, or null when every field is within them.</summary>
    public static ProblemDetails? Check(JsonElement body, Type bodyType)
    {
        var errors = new FieldErrors();
        var count = 0;
        Walk(body, bodyType, null, "", errors, ref count);
        return errors.Any ? errors.ToProblem() : null;
    }

    private static void Walk(JsonElement element, Type? type, BodyLimitAttribute? limit, string path, FieldErrors errors, ref int count)
    {
        if (count >= MaxErrors) return;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var max = limit?.MaxLength > 0 ? limit.MaxLength : MaxLength;
                var length = Length(element);
                if (length < 0) errors.Add(Field(path), "不是有效的文本（含孤立的代理字符）。Not valid text (it holds a lone surrogate).");
                else if (HasControl(element.GetString()!)) errors.Add(Field(path), ControlMessage);
                else if (length > max) errors.Add(Field(path), $"不能超过 {max} 个字符。At most {max} characters.");
                else return;
                count++;
                break;
            case JsonValueKind.Array:
                var items = limit?.MaxItems > 0 ? limit.MaxItems : MaxItems;
                var n = element.GetArrayLength();
                if (n > items)
                {
                    errors.Add(Field(path), $"至多 {items} 项，收到 {n} 项。At most {items} items, not {n}.");
                    count++;
                    return;
                }
                var elementType = ElementOf(type);
                var i = 0;
                foreach (var item in element.EnumerateArray()) Walk(item, elementType, null, $"{path}[{i++}]", errors, ref count);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var (memberType, memberLimit) = type is null ? (null, null) : MemberOf(type, property.Name);
                    Walk(property.Value, memberType, memberLimit, path.Length == 0 ? property.Name : $"{path}.{property.Name}", errors, ref count);
                }
                break;
        }
    }

    /// <summary>The text's length in UTF-16 characters, or -1 when it is no valid text (an escaped lone surrogate).</summary>
    private static int Length(JsonElement element)
    {
        try
        {
            return element.GetString()!.Length;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    public const string ControlMessage = "不能含控制字符（如 NUL）。Must not hold control characters (such as NUL).";

    /// <summary>A character below U+0020 other than a tab or a line break: no one types it, and PostgreSQL's jsonb cannot hold a NUL.</summary>
    public static bool HasControl(string text) => text.AsSpan().IndexOfAnyInRange('\u0000', '\u001F') >= 0
        && text.Any(c => c < '\u0020' && c is not '\t' and not '\n' and not '\r');

    private static string Field(string path) => path.Length == 0 ? "body" : path;

    private static Type? ElementOf(Type? type)
    {
        if (type is null || type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>The member a JSON property fills (camelCase or any case) with its bound, from the property or the record's parameter.</summary>
    private static (Type?, BodyLimitAttribute?) MemberOf(Type type, string name) => Members.GetOrAdd((type, name), key =>
    {
        var (owner, json) = key;
        if (ElementOf(owner) is { } valueType && owner.IsGenericType && owner.GetGenericArguments().Length == 2)
            return (valueType.IsGenericType ? valueType.GetGenericArguments().Last() : null, null);
        var property = owner.GetProperty(json, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null) return (null, null);
        var limit = property.GetCustomAttribute<BodyLimitAttribute>()
            ?? owner.GetConstructors().SelectMany(c => c.GetParameters())
                .FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase))?.GetCustomAttribute<BodyLimitAttribute>();
        return (property.PropertyType, limit);
    });
}
