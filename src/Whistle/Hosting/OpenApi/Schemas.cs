using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Whistle.Kernel;

namespace Whistle.Hosting.OpenApi;

/// <summary>
/// Schema fixes over the finished document: enums are strings (the API writes their names), numbers are numbers (not
/// "integer or text matching a pattern", which only reflects that the reader also accepts quoted numbers), and the
/// fields a command requires (its record's parameters without a default) are not nullable: a command may not send them null.
/// </summary>
public static class Schemas
{
    public static void Fix(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null) return;
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            if (schema.Enum is { Count: > 0 } && schema.Type is null) schema.Type = JsonSchemaType.String;
            foreach (var property in (schema.Properties?.Values ?? []).OfType<OpenApiSchema>())
            {
                NumberNotText(property);
                if (property.Items is OpenApiSchema item) NumberNotText(item);
                if (property.AdditionalProperties is OpenApiSchema value) NumberNotText(value);
            }
        }
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            DescribeByCommand(operation, schemas);
        foreach (var name in RequestBodies(document, schemas))
        {
            if (schemas[name] is not OpenApiSchema command || command.Properties is null) continue;
            foreach (var required in command.Required ?? new HashSet<string>())
            {
                if (!command.Properties.TryGetValue(required, out var property)) continue;
                command.Properties[required] = NotNull(property);
            }
        }
    }

    /// <summary>
    /// A moment is text in RFC 3339 form at +08:00: the answers' own converter (<see cref="CountyTimeJsonConverter"/>)
    /// hides the shape from the generator, which would otherwise leave the schema with a format and no type.
    /// </summary>
    public static Task MomentsAreText(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type != typeof(DateTimeOffset) && type != typeof(DateTimeOffset?)) return Task.CompletedTask;
        schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        schema.Format = "date-time";
        schema.Examples ??= [System.Text.Json.Nodes.JsonValue.Create("2026-12-05T09:30:00+08:00")];
        return Task.CompletedTask;
    }

    /// <summary>A field its command marks <see cref="OptionalFieldsAttribute"/> is not required, default or not.</summary>
    public static Task LeaveOptionalOut(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type.GetCustomAttributes(typeof(OptionalFieldsAttribute), false) is [OptionalFieldsAttribute optional])
            foreach (var name in optional.Names) schema.Required?.Remove(name);
        return Task.CompletedTask;
    }

    /// <summary>A command whose endpoint has no comment of its own is described by its record's (what the caller decides).</summary>
    private static void DescribeByCommand(OpenApiOperation operation, IDictionary<string, IOpenApiSchema> schemas)
    {
        if (operation.Description?.StartsWith(Operations.WhoMayCall, StringComparison.Ordinal) != true) return;
        var body = operation.RequestBody?.Content?.Values.Select(m => (m.Schema as OpenApiSchemaReference)?.Reference.Id).FirstOrDefault();
        if (body is not null && schemas.TryGetValue(body, out var command) && !string.IsNullOrWhiteSpace(command.Description))
            operation.Description = command.Description.Trim() + "\n\n" + operation.Description;
    }

    /// <summary>An integer or number that the generator also offers as text (quoted numbers are read too) is a number.</summary>
    public static void NumberNotText(OpenApiSchema schema)
    {
        if (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.String)) return;
        if (!type.HasFlag(JsonSchemaType.Integer) && !type.HasFlag(JsonSchemaType.Number)) return;
        schema.Type = type & ~JsonSchemaType.String;
        schema.Pattern = null;
    }

    private static IOpenApiSchema NotNull(IOpenApiSchema property)
    {
        if (property is OpenApiSchema { OneOf.Count: 2 } union && union.OneOf.FirstOrDefault(s => s.Type != JsonSchemaType.Null) is { } only
            && union.OneOf.Any(s => s.Type == JsonSchemaType.Null))
            return only;
        if (property is OpenApiSchema { Type: { } type } plain && type.HasFlag(JsonSchemaType.Null)) plain.Type = type & ~JsonSchemaType.Null;
        return property;
    }

    /// <summary>The schemas commands send, and the objects nested in them (e.g. the complainant of a complaint).</summary>
    private static HashSet<string> RequestBodies(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>(
            document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.RequestBody?.Content?.Values ?? [])
            .Select(m => (m.Schema as OpenApiSchemaReference)?.Reference.Id).OfType<string>());
        while (pending.TryPop(out var name))
        {
            if (!found.Add(name) || !schemas.TryGetValue(name, out var schema)) continue;
            foreach (var property in schema.Properties?.Values ?? [])
            {
                var nested = property as OpenApiSchemaReference
                    ?? property.OneOf?.OfType<OpenApiSchemaReference>().FirstOrDefault()
                    ?? property.Items as OpenApiSchemaReference;
                if (nested?.Reference.Id is { } id && schemas.TryGetValue(id, out var target) && target.Enum is not { Count: > 0 }) pending.Push(id);
            }
        }
        return found;
    }
}
