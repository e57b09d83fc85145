using System.Diagnostics;
using System.Globalization;

namespace Whistle.Hosting.History;

/// <summary>
/// The history verbs' progress on stderr, as the simulator's: a bar redrawn in place when stderr is a terminal, otherwise
/// one plain line per report, so that a log or a CI job reads it.
/// </summary>
public sealed class HistoryProgress(string verb, string what, long total) : IProgress<long>, IProgress<RebuildStep>
{
    private const int Width = 30;
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>Rows written so far, of <c>total</c> when it is known (0: unknown).</summary>
    public void Report(long value)
    {
        var c = CultureInfo.InvariantCulture;
        var rate = value / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Draw(total > 0 ? value / (double)total : 1, string.Format(c, "{0}: {1}{2} rows, {3:0} rows/s, {4:0.0}s",
            what, value, total > 0 ? "/" + total.ToString(c) : "", rate, clock.Elapsed.TotalSeconds), total > 0 && value >= total);
    }

    public void Report(RebuildStep value)
    {
        var c = CultureInfo.InvariantCulture;
        var figures = value.Rebuilt is { } r
            ? string.Format(c, "{0}/{1} {2} ({3}): {4} events, {5} documents, {6:0.0}s", value.Done, value.Count, r.Name, r.Lifecycle,
                r.EventsRead, r.DocumentsWritten, r.Seconds)
            : string.Format(c, "{0}/{1} rebuilding {2}…", value.Done, value.Count, value.Projection);
        Draw(value.Count == 0 ? 1 : value.Done / (double)value.Count, figures, value.Rebuilt is not null);
    }

    private void Draw(double fraction, string figures, bool lineDone)
    {
        if (Console.IsErrorRedirected)
        {
            Console.Error.WriteLine($"{verb}: {figures}");
            return;
        }
        var filled = (int)Math.Round(Width * Math.Clamp(fraction, 0, 1));
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {figures}   ");
        if (lineDone) Console.Error.WriteLine();
    }
}
