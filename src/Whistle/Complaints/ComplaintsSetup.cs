using JasperFx.Events.Projections;
using Marten;

namespace Whistle.Complaints;

public static class ComplaintsSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventTypes(ComplaintEventTypes.All);
        opts.Projections.Add<ComplaintDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ComplaintDetails>()
            .Index(x => x.Number)
            .Index(x => x.Status)
            .Index(x => x.CommunityId)
            .Index(x => x.CategoryId)
            .Index(x => x.LodgedAt);
    }
}
