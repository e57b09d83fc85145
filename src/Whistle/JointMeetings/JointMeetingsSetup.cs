using JasperFx.Events.Projections;
using Marten;
using Whistle.JointMeetings.Meetings;
using Whistle.JointMeetings.Worklist;

namespace Whistle.JointMeetings;

/// <summary>
/// The joint-meeting capability's wiring. Its worklist is an async projection: the daemon (distributed by Wolverine,
/// so with several hosts it runs once) builds it after the whistle's commands commit, so they never wait for it. The
/// joint meetings are a stream of their own; their details (and minutes) are built inline, in the command's transaction.
/// </summary>
public static class JointMeetingsSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventTypes(JointMeetingEventTypes.All);
        opts.Projections.Add<JointMeetingDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<JointMeetingDetails>().Index(x => x.ScheduledAt);
        opts.Projections.Add<WorklistProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<WorklistWhistle>().Index(x => x.SubDistrictCode).Index(x => x.Level);
    }
}
