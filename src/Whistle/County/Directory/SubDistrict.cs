using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A sub-district (街道) of the county.</summary>
public sealed class SubDistrict
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public long Version { get; set; }
    public SubDistrictInfo Info { get; set; } = new("");
    public DateTimeOffset UpdatedAt { get; set; }
    public Actor UpdatedBy { get; set; } = new("", "", "");

    public static SubDistrict Create(SubDistrictRegistered e) =>
        new() { Id = e.SubDistrictId, Code = e.Code, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public void Apply(SubDistrictRevised e) => (Version, Info, UpdatedAt, UpdatedBy) = (Version + 1, e.Info, e.At, e.By);
}

public static class SubDistrictsEndpoint
{
    [WolverineGet("/api/directory/sub-districts", OperationId = "ListSubDistricts")]
    public static Task<IReadOnlyList<SubDistrict>> Get(IQuerySession session, CancellationToken ct) =>
        session.Query<SubDistrict>().OrderBy(x => x.Code).ToListAsync(ct);
}
