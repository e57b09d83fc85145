using Marten;
using Marten.Schema;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.County.Directory;

/// <summary>
/// Writes the sample county into a county's tenant as the events an administrator's calls would have appended:
/// the directory, catalogue version 1 and deadline-policy version 1. A county that already has a directory is
/// left alone, so loading twice changes nothing.
/// </summary>
public static class SampleCountyLoader
{
    public static readonly Actor Loader = new("system", "样例县数据 Sample county", Roles.Admin);

    public static async Task LoadAsync(IDocumentStore store, string tenantId, DateTimeOffset at, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenantId);
        if (await session.Query<SubDistrict>().AnyAsync(ct)) return;
        var county = SampleCounty.Generate();

        foreach (var (code, info) in county.SubDistricts)
            session.Events.StartStream<SubDistrict>(DirectoryIds.SubDistrict(code), new SubDistrictRegistered(DirectoryIds.SubDistrict(code), code, info, Loader, at));
        foreach (var (code, info) in county.Communities)
            session.Events.StartStream<Community>(DirectoryIds.Community(code), new CommunityRegistered(DirectoryIds.Community(code), code, info, Loader, at));
        foreach (var (code, info) in county.PropertyCompanies)
            session.Events.StartStream<PropertyCompany>(DirectoryIds.PropertyCompany(code), new PropertyCompanyRegistered(DirectoryIds.PropertyCompany(code), code, info, Loader, at));
        foreach (var (code, info) in county.Compounds)
            session.Events.StartStream<Compound>(DirectoryIds.Compound(code), new CompoundRegistered(DirectoryIds.Compound(code), code, info, Loader, at));
        foreach (var (code, info) in county.Departments)
            session.Events.StartStream<Department>(DirectoryIds.Department(code), new DepartmentRegistered(DirectoryIds.Department(code), code, info, Loader, at));

        session.Events.StartStream<DispatchCatalogue>(DispatchCatalogue.StreamId, new CataloguePublished(
            DispatchCatalogue.StreamId, 1, DefaultCatalogue.Entries, "样例县初始目录 Initial catalogue", Loader, at));
        session.Events.StartStream<DeadlinePolicy>(DeadlinePolicy.StreamId, new DeadlinePolicyPublished(
            DeadlinePolicy.StreamId, 1, DeadlinePolicy.Default.Rules, "默认时限 DESIGN §4 defaults", Loader, at));
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>Loads the sample county when the store starts (ops/run), and again after a test resets the data.</summary>
public sealed class SampleCountyInitialData(TimeProvider clock) : IInitialData
{
    public Task Populate(IDocumentStore store, CancellationToken cancellation) =>
        SampleCountyLoader.LoadAsync(store, SampleCounty.CountyId, clock.GetUtcNow(), cancellation);
}
