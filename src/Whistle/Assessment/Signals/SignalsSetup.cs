using JasperFx.Events.Projections;
using Marten;

namespace Whistle.Assessment.Signals;

public static class SignalsSetup
{
    /// <summary>The signals are built by the async daemon, as the scorecards they stand beside.</summary>
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Add<DepartmentSignalsProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<DepartmentSignals>().Index(x => x.Month).Index(x => x.Department);
    }
}
