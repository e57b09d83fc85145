namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// A fault drill runs at two sizes from one implementation: small inside <c>ops/test</c>, and full when a person runs
/// its script under <c>ops/faults/</c>, which sets <c>WHISTLE_DRILL=full</c> and prints the report the drill writes.
/// </summary>
public static class Drill
{
    /// <summary>True when the drill runs at the size the issue names (from <c>ops/faults/</c>).</summary>
    public static bool Full => Environment.GetEnvironmentVariable("WHISTLE_DRILL") == "full";

    public static int Size(int fast, int full) => Full ? full : fast;

    public static TimeSpan Span(TimeSpan fast, TimeSpan full) => Full ? full : fast;

    /// <summary>
    /// Records what the drill checked and its counts: in the test's output, and in
    /// <c>$WHISTLE_DRILL_REPORTS/&lt;drill&gt;.txt</c> when a script asked for the report.
    /// </summary>
    public static void Report(string drill, IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines.Prepend($"{drill} ({(Full ? "full" : "fast")} size, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC)"));
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        if (Environment.GetEnvironmentVariable("WHISTLE_DRILL_REPORTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var file = new string([.. drill.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
            File.AppendAllText(Path.Combine(folder, file + ".txt"), text + "\n\n");
        }
    }
}
