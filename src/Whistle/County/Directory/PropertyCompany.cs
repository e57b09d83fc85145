using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A property-service company (物业服务企业); the compounds it serves name it.</summary>
public sealed record PropertyCompany : IDirectoryEntry<PropertyCompanyInfo>
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public long Version { get; init; }
    public PropertyCompanyInfo Info { get; init; } = null!;
    public DateTimeOffset UpdatedAt { get; init; }
    public Actor UpdatedBy { get; init; } = new("", "", "");

    public static readonly DirectoryKind<PropertyCompanyInfo> Kind = new("property-company",
        (id, code, info, by, at) => new PropertyCompanyRegistered(id, code, info, by, at),
        (id, code, info, changed, by, at) => new PropertyCompanyRevised(id, code, info, changed, by, at));

    public static PropertyCompany Create(PropertyCompanyRegistered e) =>
        new() { Id = e.PropertyCompanyId, Code = e.Code, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public PropertyCompany Apply(PropertyCompanyRevised e) => this with { Version = Version + 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };
}

/// <summary>A company with the compounds (projects, 物业项目) it serves.</summary>
public sealed record PropertyCompanyProjects(PropertyCompany Company, IReadOnlyList<string> CompoundCodes);

public static class PropertyCompaniesEndpoint
{
    [EndpointSummary("物业企业名录 The property companies")]
    [EndpointDescription("本县的物业服务企业及其统一社会信用代码与联系人。The county's property-service companies with their credit codes and contacts.")]
    [WolverineGet("/api/directory/property-companies", OperationId = "ListPropertyCompanies")]
    public static async Task<IReadOnlyList<PropertyCompanyProjects>> Get(IQuerySession session, CancellationToken ct)
    {
        var companies = await session.Query<PropertyCompany>().OrderBy(x => x.Code).ToListAsync(ct);
        var served = (await session.Query<Compound>().Where(x => x.Info.PropertyCompanyCode != null).ToListAsync(ct))
            .ToLookup(x => x.Info.PropertyCompanyCode!, x => x.Code);
        return companies.Select(c => new PropertyCompanyProjects(c, served[c.Code].Order().ToList())).ToList();
    }
}
