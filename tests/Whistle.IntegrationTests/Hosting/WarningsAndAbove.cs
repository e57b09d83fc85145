using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>Records what the host logs at warning or above, from the moment it is added to the host's logging.</summary>
internal sealed class WarningsAndAbove : ILoggerProvider
{
    private static WarningsAndAbove? added;
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message, bool HasException)> entries = new();

    public static WarningsAndAbove On(IServiceProvider services)
    {
        if (added is { } existing) return existing;
        var provider = new WarningsAndAbove();
        if (Interlocked.CompareExchange(ref added, provider, null) is { } raced) return raced;
        services.GetRequiredService<ILoggerFactory>().AddProvider(provider);
        return provider;
    }

    public void Clear() => entries.Clear();

    public List<(string Category, LogLevel Level, string Message, bool HasException)> Where(Func<(string Category, LogLevel Level, string Message, bool HasException), bool> keep) =>
        entries.Where(keep).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string, bool)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) entries.Enqueue((category, logLevel, formatter(state, exception), exception is not null));
        }
    }
}
