using JasperFx.Events.Projections;
using Marten;
using Whistle.JointMeetings.Worklist;

namespace Whistle.JointMeetings;

/// <summary>
/// The joint-meeting capability's wiring. Its worklist is an async projection: the daemon (distributed by Wolverine,
/// so with several hosts it runs once) builds it after the whistle's commands commit, so they never wait for it.
/// </summary>
public static class JointMeetingsSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Add<WorklistProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<WorklistWhistle>().Index(x => x.SubDistrictCode).Index(x => x.Level);
    }
}
