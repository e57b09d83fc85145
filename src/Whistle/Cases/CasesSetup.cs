using JasperFx.Events.Projections;
using Marten;

namespace Whistle.Cases;

public static class CasesSetup
{
    public static void Configure(StoreOptions opts)
    {
        // Inline: a case's summary commits with its events, so the list is never behind the details.
        opts.Projections.Add<CaseSummaryProjection>(ProjectionLifecycle.Inline);
        // What a page filters on (scope's kind and area, the community asked for) and what it orders by.
        opts.Schema.For<CaseSummary>()
            .Index(x => x.OpenedAt)
            .Index(x => x.Kind)
            .Index(x => x.CommunityCode!)
            .Index(x => x.SubDistrictCode!);
    }
}
