using JasperFx.Events.Projections;
using Marten;

namespace Whistle.Assessment.Signals;

public static class SignalsSetup
{
    /// <summary>
    /// The signals are built by the async daemon, as the scorecards they stand beside: one small document per
    /// department on a whistle. The reads filter a month's assignments, and one department's of a month.
    /// </summary>
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Add<WatchedAssignmentProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<WatchedAssignment>().Index(x => x.Month).Index([x => x.Department, x => x.Month]);
    }
}
