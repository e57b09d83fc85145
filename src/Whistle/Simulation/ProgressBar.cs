using System.Globalization;

namespace Whistle.Simulation;

/// <summary>
/// Progress on stderr: a bar redrawn in place (days done of the total, events appended, events per second) when
/// stderr is a terminal; otherwise one plain line per day, so that a log or a CI job reads it.
/// </summary>
public sealed class ProgressBar : IProgress<SimulationProgress>
{
    private const int Width = 30;

    public void Report(SimulationProgress value)
    {
        var c = CultureInfo.InvariantCulture;
        var figures = string.Format(c, "{0}/{1} days, {2} events, {3:0} events/s, {4:0}s",
            value.DaysDone, value.Days, value.Events, value.EventsPerSecond, value.Elapsed.TotalSeconds);
        if (Console.IsErrorRedirected)
        {
            Console.Error.WriteLine("simulate: " + figures);
            return;
        }
        var filled = value.Days == 0 ? Width : Width * value.DaysDone / value.Days;
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {figures}   ");
        if (value.DaysDone == value.Days) Console.Error.WriteLine();
    }
}
