using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Whistle.IntegrationTests;

/// <summary>
/// A logger provider that keeps the host's log lines (message and exception) in memory, numbered in the order written,
/// so a test can read the lines written while it ran. Only the latest <see cref="Capacity"/> lines are kept.
/// </summary>
public sealed class LogLines : ILoggerProvider
{
    public const int Capacity = 200_000;

    private readonly ConcurrentQueue<(long Number, string Line)> lines = new();
    private long written;

    /// <summary>How many lines were written so far: a mark to read from.</summary>
    public long Mark => Interlocked.Read(ref written);

    /// <summary>The lines written since <paramref name="mark"/> that are still kept.</summary>
    public IReadOnlyList<string> Since(long mark) => [.. lines.Where(l => l.Number >= mark).Select(l => l.Line)];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, this);

    public void Dispose() { }

    private void Add(string line)
    {
        lines.Enqueue((Interlocked.Increment(ref written) - 1, line));
        while (lines.Count > Capacity) lines.TryDequeue(out _);
    }

    private sealed class Recorder(string category, LogLines lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
