using Marten;
using Marten.Schema;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.County.Directory;

/// <summary>
/// Writes a county's data file into a county's tenant as the events an administrator's calls would have appended:
/// the directory, catalogue version 1 and deadline-policy version 1. A county that already has a directory is
/// left alone, so loading twice changes nothing.
/// </summary>
public static class SampleCountyLoader
{
    public static readonly Actor Loader = new("system", "样例县数据 Sample county", Roles.Admin);

    public static async Task LoadAsync(IDocumentStore store, SampleCounty county, string tenantId, DateTimeOffset at, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenantId);
        if (await session.Query<SubDistrict>().AnyAsync(ct)) return;

        Start<SubDistrict, SubDistrictInfo>(session, SubDistrict.Kind, county.SubDistricts, at);
        Start<Community, CommunityInfo>(session, Community.Kind, county.Communities, at);
        Start<PropertyCompany, PropertyCompanyInfo>(session, PropertyCompany.Kind, county.PropertyCompanies, at);
        Start<Compound, CompoundInfo>(session, Compound.Kind, county.Compounds, at);
        Start<Department, DepartmentInfo>(session, Department.Kind, county.Departments, at);

        session.Events.StartStream<DispatchCatalogue>(DispatchCatalogue.StreamId, new CataloguePublished(
            DispatchCatalogue.StreamId, 1, DefaultCatalogue.Entries, "样例县初始目录 Initial catalogue", Loader, at));
        session.Events.StartStream<DeadlinePolicy>(DeadlinePolicy.StreamId, new DeadlinePolicyPublished(
            DeadlinePolicy.StreamId, 1, DeadlinePolicy.Default.Rules, "默认时限 DESIGN §4 defaults", Loader, at));
        await session.SaveChangesAsync(ct);
    }

    private static void Start<TEntry, TInfo>(
        IDocumentSession session, DirectoryKind<TInfo> kind, IEnumerable<(string Code, TInfo Info)> entries, DateTimeOffset at)
        where TEntry : class, IDirectoryEntry<TInfo> where TInfo : class
    {
        foreach (var (code, info) in entries)
            session.Events.StartStream<TEntry>(kind.Id(code), kind.Record(code, info, null, Loader, at).Events.ToArray());
    }
}

/// <summary>Loads the county's data file when the store starts (ops/run), and again after a test resets the data.</summary>
public sealed class SampleCountyInitialData(SampleCounty county, TimeProvider clock) : IInitialData
{
    public Task Populate(IDocumentStore store, CancellationToken cancellation) =>
        SampleCountyLoader.LoadAsync(store, county, county.Id, clock.GetUtcNow(), cancellation);
}
