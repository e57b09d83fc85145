using Marten;

namespace Whistle.Hosting;

/// <summary>
/// A scheduled message that stands for the passing of time (a reminder, a due time, a period elapsed). The events
/// its handler appends were caused by the clock, not by the person whose request once scheduled it.
/// </summary>
public interface ITimePassed;

/// <summary>Wolverine middleware on every <see cref="ITimePassed"/> handler: its events are recorded as the clock's.</summary>
public static class TimePassedMetadata
{
    public const string Clock = "system:clock";

    public static void Before(IDocumentSession session) => session.LastModifiedBy = Clock;
}
