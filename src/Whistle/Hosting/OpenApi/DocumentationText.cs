using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Whistle.Hosting.OpenApi;

/// <summary>
/// The API reference's texts come from the code's documentation comments, where <c>&lt;see cref="Urgency"/&gt;</c> keeps a
/// link for the code's readers; the generator writes it out as a C# signature (<c>ComplaintUrgency? LodgeComplaint.Urgency</c>).
/// A caller reads the field's JSON name instead (<c>`urgency`</c>), so the comments keep their links and the reference
/// names no .NET type.
/// </summary>
public static partial class DocumentationText
{
    public static void Fix(OpenApiDocument document)
    {
        foreach (var schema in (document.Components?.Schemas?.Values ?? []).OfType<OpenApiSchema>())
        {
            schema.Description = Rewrite(schema.Description);
            foreach (var property in schema.Properties?.Values ?? [])
            {
                // A property that is another schema carries its own description on the reference.
                if (property is OpenApiSchema inline) inline.Description = Rewrite(inline.Description);
                else if (property is OpenApiSchemaReference reference) reference.Description = Rewrite(reference.Description);
            }
        }
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Summary = Rewrite(operation.Summary);
            operation.Description = Rewrite(operation.Description);
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                parameter.Description = Rewrite(parameter.Description);
        }
    }

    /// <summary>
    /// <c>[Type ]Owner.Member</c> becomes <c>`member`</c>, the name the member has in JSON; <c>Owner.Default</c> (a type's
    /// built-in values) becomes words.
    /// </summary>
    public static string? Rewrite(string? text) => text is null ? null : Reference().Replace(text, match =>
        match.Groups["member"].Value == "Default"
            ? "the built-in defaults (默认值)"
            : "`" + char.ToLowerInvariant(match.Groups["member"].Value[0]) + match.Groups["member"].Value[1..] + "`");

    [GeneratedRegex(@"(?:\b(?:[A-Z][A-Za-z0-9]*|string|int|long|bool|double|decimal)\??\s+)?\b[A-Z][A-Za-z0-9]*\.(?<member>[A-Z][A-Za-z0-9]*)\b")]
    private static partial Regex Reference();
}
