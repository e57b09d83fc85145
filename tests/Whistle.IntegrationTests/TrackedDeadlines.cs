using Whistle.Whistles;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests;

public static class TrackedDeadlines
{
    /// <summary>
    /// The deadlines a tracked session saw scheduled for this whistle only: the session sees the whole shared host, so
    /// another test's whistle blown in the same moment would otherwise come with them.
    /// </summary>
    public static IReadOnlyList<WhistleDeadlineReached> DeadlinesOf(this ITrackedSession tracked, Guid whistle) =>
        [.. tracked.Scheduled.MessagesOf<WhistleDeadlineReached>().Where(m => m.WhistleId == whistle)];
}
