using Marten;
using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>Wolverine middleware on every <see cref="ITimePassed"/> handler: its events are recorded as the clock's.</summary>
public static class TimePassedMetadata
{
    public static void Before(IDocumentSession session) => session.LastModifiedBy = ITimePassed.Clock;
}
