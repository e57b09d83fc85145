using JasperFx.Events.Projections;
using Marten;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;

namespace Whistle.County.Catalogue;

/// <summary>The county's policy data: dispatch catalogue, deadline policy and calendar, each a versioned stream.</summary>
public static class CatalogueSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Snapshot<DispatchCatalogue>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<DeadlinePolicy>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<CountyCalendar>(SnapshotLifecycle.Inline);
    }
}
