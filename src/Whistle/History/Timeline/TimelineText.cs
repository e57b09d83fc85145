using System.Globalization;

namespace Whistle.History.Timeline;

/// <summary>A case's timeline as terminal lines: a heading, the streams, then one line per entry. Pure.</summary>
public static class TimelineText
{
    public static IReadOnlyList<string> Render(CaseHistory history, bool english)
    {
        var lines = new List<string>
        {
            english
                ? $"{history.Number} ({history.CaseId}): {history.Entries.Count} entries in {history.Streams.Count} streams"
                : $"{history.Number}（{history.CaseId}）：{history.Streams.Count} 个流，共 {history.Entries.Count} 条记录",
        };
        lines.AddRange(history.Streams.Select(s => $"  {(english ? s.En : s.Zh)} {s.Id} v{s.Version}"));
        lines.AddRange(history.Entries.Select(e =>
            $"#{e.Sequence.ToString(CultureInfo.InvariantCulture).PadLeft(6)} {(english ? e.En : e.Zh)}"));
        return lines;
    }
}
