using JasperFx.Events.Projections;
using Marten;
using Whistle.County.Calendar;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Whistle.County.Directory;

namespace Whistle.County;

/// <summary>
/// The county's reference data, one capability: the directory (one stream per entry), the dispatch catalogue, the
/// deadline policy and the calendar (each one versioned stream per county). Their write models are also the
/// documents other capabilities read.
/// </summary>
public static class CountySetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventTypes([.. DirectoryEvents.All, .. CatalogueEvents.All, .. DeadlinePolicyEvents.All, .. CountyCalendarEvents.All]);

        opts.Projections.Snapshot<SubDistrict>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Community>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Compound>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<PropertyCompany>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Department>(SnapshotLifecycle.Inline);
        opts.Schema.For<Compound>()
            .Index(x => x.Code)
            .Index(x => x.Info.CommunityCode)
            .Index(x => x.Info.PropertyCompanyCode!);
        opts.Schema.For<Community>().Index(x => x.Info.SubDistrictCode);

        opts.Projections.Snapshot<DispatchCatalogue>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<DeadlinePolicy>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<CountyCalendar>(SnapshotLifecycle.Inline);
    }
}
