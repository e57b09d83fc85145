using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A sub-district (街道) of the county.</summary>
public sealed record SubDistrict : IDirectoryEntry<SubDistrictInfo>
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public long Version { get; init; }
    public SubDistrictInfo Info { get; init; } = new("");
    public DateTimeOffset UpdatedAt { get; init; }
    public Actor UpdatedBy { get; init; } = new("", "", "");

    public static readonly DirectoryKind<SubDistrictInfo> Kind = new("sub-district",
        (id, code, info, by, at) => new SubDistrictRegistered(id, code, info, by, at),
        (id, code, info, changed, by, at) => new SubDistrictRevised(id, code, info, changed, by, at));

    public static SubDistrict Create(SubDistrictRegistered e) =>
        new() { Id = e.SubDistrictId, Code = e.Code, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public SubDistrict Apply(SubDistrictRevised e) => this with { Version = Version + 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };
}

public static class SubDistrictsEndpoint
{
    [EndpointSummary("街道名录 The sub-districts")]
    [EndpointDescription("本县的街道（乡镇）。The county's sub-districts.")]
    [WolverineGet("/api/directory/sub-districts", OperationId = "ListSubDistricts")]
    public static Task<IReadOnlyList<SubDistrict>> Get(IQuerySession session, CancellationToken ct) =>
        session.Query<SubDistrict>().OrderBy(x => x.Code).ToListAsync(ct);
}
