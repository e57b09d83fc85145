using JasperFx.Events.Projections;
using Marten;
using Whistle.County.Calendar;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.County.Staff;

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
        opts.Events.AddEventTypes([
            .. DirectoryEvents.All, .. CatalogueEvents.All, .. DeadlinePolicyEvents.All, .. CountyCalendarEvents.All, .. StaffEvents.All]);

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

        opts.Projections.Snapshot<StaffMember>(SnapshotLifecycle.Inline);
        opts.Schema.For<StaffMember>().Index(x => x.Info.Role).Index(x => x.Info.DepartmentCode!);

        opts.Projections.Snapshot<DispatchCatalogue>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<DeadlinePolicy>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<CountyCalendar>(SnapshotLifecycle.Inline);

        opts.Storage.ExtendedSchemaObjects.Add(CountyReferenceCache.Table());
        opts.Listeners.Add(new CountyReferenceCache.GenerationListener());
    }

    /// <summary>
    /// When <c>Whistle:SampleCounty</c> names a county's data file (ops/run: samples/county/county.json), loads that
    /// county at start-up if its directory is empty, and its staff (users.tsv beside it) if its staff register is
    /// empty; the files are read once, so a wrong path stops the start.
    /// </summary>
    public static IServiceCollection AddSampleCounty(this IServiceCollection services, IConfiguration config)
    {
        if (config[SampleCounty.Setting] is not { Length: > 0 } path) return services;
        var file = SampleCounty.Locate(path);
        var county = SampleCounty.Read(file);
        services.AddSingleton(county).InitializeMartenWith(new SampleCountyInitialData(county, TimeProvider.System));
        if (SampleStaff.Beside(file) is not { } staffFile) return services;
        var staff = SampleStaff.Read(staffFile);
        return services.AddSingleton(staff).InitializeMartenWith(new SampleStaffInitialData(staff, county.Id, TimeProvider.System));
    }
}
