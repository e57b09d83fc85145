using System.Globalization;
using System.Text;
using Whistle.Kernel;

namespace Whistle.Assessment;

/// <summary>CSV for Excel: UTF-8 with a byte-order mark, so that Excel opens Chinese text correctly; fields quoted as RFC 4180 says.</summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows) Line(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<object?> fields) => text.Append(Line(fields));

    /// <summary>One line with its CRLF, for a writer that streams rows instead of holding them all (the history's exports).</summary>
    public static string Line(IEnumerable<object?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    private static string Field(object? value)
    {
        var s = value switch
        {
            null => "",
            DateTimeOffset at => CountyTime.Local(at).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
