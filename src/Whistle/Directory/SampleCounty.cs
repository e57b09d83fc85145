using System.Text.Json;
using Marten;
using Marten.Schema;

namespace Whistle.Directory;

/// <summary>The sample county's directory as it is kept in <c>samples/county/*.json</c>.</summary>
public sealed record SampleCountyData(
    SampleCountyData.CountyRow County,
    IReadOnlyList<SampleCountyData.SubDistrictRow> SubDistricts,
    IReadOnlyList<ComplaintCategory> Categories)
{
    public sealed record CountyRow(string Id, string Name);
    public sealed record SubDistrictRow(string Id, string Name, IReadOnlyList<CommunityRow> Communities);
    public sealed record CommunityRow(string Id, string Name, IReadOnlyList<CompoundRow> Compounds);
    public sealed record CompoundRow(string Id, string Name);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SampleCountyData Read(string path) =>
        JsonSerializer.Deserialize<SampleCountyData>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} holds no county");

    public IEnumerable<Compound> Compounds() =>
        from sd in SubDistricts
        from cm in sd.Communities
        from cp in cm.Compounds
        select new Compound
        {
            Id = cp.Id, Name = cp.Name,
            CommunityId = cm.Id, CommunityName = cm.Name,
            SubDistrictId = sd.Id, SubDistrictName = sd.Name,
        };

    /// <summary>Stores the directory into a county's tenant; storing it again changes nothing.</summary>
    public async Task LoadAsync(IDocumentStore store, string tenantId, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenantId);
        session.Store(Compounds().ToArray());
        session.Store(Categories.ToArray());
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>Loads the sample county when the store starts, and again after a test resets the data.</summary>
public sealed class SampleCountyInitialData(string path) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var county = SampleCountyData.Read(path);
        await county.LoadAsync(store, county.County.Id, cancellation);
    }
}
