using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>
/// How every JSON answer is written: moments in China time with their offset (<c>2026-12-05T09:30:00+08:00</c>),
/// whatever offset they were stored or computed with, and Chinese and emoji as they are, not as <c>\u</c> escapes.
/// </summary>
/// <remarks>
/// Marten stores moments as instants and reads them back at +00:00; the converter turns them to the county's offset
/// only when an answer is written, so stored documents and events keep their instants. No endpoint streams Marten's raw
/// JSON (no <c>WriteArray</c>/<c>StreamJson</c>): every answer passes through these options, and the ProblemDetails
/// writer and the CSV exports agree (<c>Csv</c>, <c>ReadModelExport.Local</c>).
/// </remarks>
public static class JsonAnswers
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new CountyTimeJsonConverter());
        options.Encoder = PlainJsonEncoder.Instance;
    }
}

/// <summary>Writes a moment at +08:00; reads one at any offset (the instant is what counts).</summary>
public sealed class CountyTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(CountyTime.Local(value));
}

/// <summary>
/// Escapes only what JSON requires (quote, backslash, control characters). The framework's relaxed encoder still
/// escapes every character outside the basic plane (emoji, rare family names), and HTML-sensitive characters are
/// harmless in <c>application/json</c>.
/// </summary>
internal sealed class PlainJsonEncoder : JavaScriptEncoder
{
    public static readonly PlainJsonEncoder Instance = new();

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
            if (WillEncode(text[i])) return i;
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => $"\\u{unicodeScalar:X4}",
        };
        if (escaped.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        for (var i = 0; i < escaped.Length; i++) buffer[i] = escaped[i];
        numberOfCharactersWritten = escaped.Length;
        return true;
    }
}
