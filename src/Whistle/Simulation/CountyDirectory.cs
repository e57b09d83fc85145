using Marten;
using Whistle.County.Catalogue;
using Whistle.County.Directory;
using Whistle.County.Staff;

namespace Whistle.Simulation;

/// <summary>A compound as the simulator picks it: its code, area and property company.</summary>
public sealed record SimCompound(string Code, string Name, string Community, string SubDistrict, string? PropertyCompany);

/// <summary>
/// The sample county's directory and dispatch catalogue, which the simulated county is given: the compounds complaints
/// come from, and the departments each category's whistle goes to (catalogue version 1, <see cref="DefaultCatalogue"/>).
/// </summary>
public sealed record CountyDirectory(SampleCounty Sample, IReadOnlyList<SimCompound> Compounds, IReadOnlyList<CatalogueEntry> Catalogue)
{
    public static CountyDirectory Of(IServiceProvider services)
    {
        var sample = services.GetService<SampleCounty>()
            ?? throw new InvalidOperationException("Whistle:SampleCounty is not set: the simulator needs the sample county's data file.");
        var compounds = sample.Compounds
            .Select(c => new SimCompound(c.Code, c.Info.Name, c.Info.CommunityCode, c.Info.SubDistrictCode, c.Info.PropertyCompanyCode))
            .ToList();
        return new CountyDirectory(sample, compounds, DefaultCatalogue.Entries);
    }

    public CatalogueEntry Category(string id) => Catalogue.First(e => e.CategoryId == id);

    /// <summary>
    /// Gives <paramref name="county"/> the sample county's directory, catalogue, deadline policy and staff, as the
    /// sample county is given them when the service starts; a county that has them already is left as it is.
    /// </summary>
    public async Task LoadIntoAsync(IServiceProvider services, string county, DateTimeOffset at, CancellationToken ct)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await SampleCountyLoader.LoadAsync(store, Sample, county, at, ct);
        if (services.GetService<SampleStaff>() is { } staff) await SampleStaffLoader.LoadAsync(store, staff.Of(Sample.Id), county, at, ct);
    }
}
