using Marten;
using Marten.Schema;
using Whistle.County.Directory;

namespace Whistle.County.Staff;

/// <summary>
/// The sample county's staff (samples/county/users.tsv, beside county.json): the development users ops/token mints
/// tokens for, one tab-separated row each — user, name, role, county, sub_district, community, department, phone,
/// e-mail, with <c>-</c> for none. The register loads them as an administrator's PUTs would have recorded them.
/// </summary>
public sealed record SampleStaff(IReadOnlyList<SampleStaff.Row> Rows)
{
    public const string FileName = "users.tsv";

    public sealed record Row(string UserId, string County, StaffInfo Info);

    /// <summary>The staff file beside a county's data file, if there is one.</summary>
    public static string? Beside(string countyFile) =>
        Path.Combine(Path.GetDirectoryName(countyFile) ?? ".", FileName) is var path && File.Exists(path) ? path : null;

    public static SampleStaff Read(string path) => new([.. File.ReadLines(path)
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(f => new Row(f[0], f[3], new StaffInfo(
            f[1], f[2], Field(f, 4), Field(f, 5), Field(f, 6), Field(f, 7), Field(f, 8), Active: true)))]);

    /// <summary>The rows of one county.</summary>
    public IEnumerable<Row> Of(string county) => Rows.Where(r => r.County == county);

    // "-" (and a column an older file lacks) is no value, as ops/token reads it.
    private static string? Field(string[] fields, int index) => index < fields.Length && fields[index] is { Length: > 0 } f && f != "-" ? f : null;
}

/// <summary>Writes staff rows into a county's tenant; a county that already has a staff register is left alone.</summary>
public static class SampleStaffLoader
{
    public static async Task LoadAsync(IDocumentStore store, IEnumerable<SampleStaff.Row> rows, string tenantId, DateTimeOffset at, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenantId);
        if (await session.Query<StaffMember>().AnyAsync(ct)) return;
        foreach (var row in rows)
        {
            var id = StaffMember.StreamId(row.UserId);
            session.Events.StartStream<StaffMember>(id, new StaffMemberRegistered(id, row.UserId, row.Info, SampleCountyLoader.Loader, at));
        }
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>Loads the sample county's staff when the store starts (ops/run), after its directory.</summary>
public sealed class SampleStaffInitialData(SampleStaff staff, string county, TimeProvider clock) : IInitialData
{
    public Task Populate(IDocumentStore store, CancellationToken cancellation) =>
        SampleStaffLoader.LoadAsync(store, staff.Of(county), county, clock.GetUtcNow(), cancellation);
}
