using JasperFx.Events.Projections;
using Marten;

namespace Whistle.Whistles;

public static class WhistlesSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventTypes(WhistleEventTypes.All);
        opts.Projections.Add<WhistleDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<WhistleDetails>()
            .Index(x => x.ComplaintId)
            .Index(x => x.CommunityCode)
            .Index(x => x.SubDistrictCode)
            .GinIndexJsonData();
        opts.Projections.Add<BreachNoticeProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<BreachNotice>().Index(x => x.PublishedAt).Index(x => x.SubDistrictCode);
    }
}
