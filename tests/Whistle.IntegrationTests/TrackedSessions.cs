using System.Runtime.CompilerServices;
using Microsoft.Extensions.Hosting;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests;

/// <summary>
/// One tracked session at a time per host. Wolverine records a host's message activity into its one active tracked
/// session: a second session started on the same host while the first runs takes the recording over, and the first
/// then misses what it waits for (a scheduled deadline, a notification) or waits for what it never sees finish. Tests
/// of the shared host run in parallel, so every tracked session on it passes through here.
/// </summary>
public static class TrackedSessions
{
    private static readonly ConditionalWeakTable<IHost, SemaphoreSlim> Gates = new();

    /// <summary>The host whose tracked session this flow is inside, if any.</summary>
    private static readonly AsyncLocal<IHost?> Inside = new();

    public static async Task<ITrackedSession> OneAtATimeAsync(this IHost host, Func<Task<ITrackedSession>> session)
    {
        if (ReferenceEquals(Inside.Value, host))
            throw new InvalidOperationException(
                "A tracked session was started inside another on the same host: it would take the recording over. Move the inner step out, or wait for the daemon once after both.");
        var gate = Gates.GetValue(host, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken))
            throw new TimeoutException("Another test held the host's tracked session for three minutes (a tracked step started inside another?).");
        try
        {
            Inside.Value = host;
            return await session();
        }
        finally
        {
            Inside.Value = null;
            gate.Release();
        }
    }
}
