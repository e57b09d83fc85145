using JasperFx.Events.Projections;
using Marten;

namespace Whistle.FeeDisputes;

public static class FeeDisputesSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventTypes(FeeDisputeEventTypes.All);
        opts.Projections.Add<FeeDisputeDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<FeeDisputeDetails>()
            .Index(x => x.Number)
            .Index(x => x.PropertyCompanyCode)
            .Index(x => x.CompoundCode)
            .Index(x => x.CommunityCode)
            .GinIndexJsonData();
    }
}
