using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A property-service company (物业服务企业); the compounds it serves name it.</summary>
public sealed class PropertyCompany
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public long Version { get; set; }
    public PropertyCompanyInfo Info { get; set; } = null!;
    public DateTimeOffset UpdatedAt { get; set; }
    public Actor UpdatedBy { get; set; } = new("", "", "");

    public static PropertyCompany Create(PropertyCompanyRegistered e) =>
        new() { Id = e.PropertyCompanyId, Code = e.Code, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public void Apply(PropertyCompanyRevised e) => (Version, Info, UpdatedAt, UpdatedBy) = (Version + 1, e.Info, e.At, e.By);
}

/// <summary>A company with the compounds (projects, 物业项目) it serves.</summary>
public sealed record PropertyCompanyProjects(PropertyCompany Company, IReadOnlyList<string> CompoundCodes);

public static class PropertyCompaniesEndpoint
{
    [WolverineGet("/api/directory/property-companies", OperationId = "ListPropertyCompanies")]
    public static async Task<IReadOnlyList<PropertyCompanyProjects>> Get(IQuerySession session, CancellationToken ct)
    {
        var companies = await session.Query<PropertyCompany>().OrderBy(x => x.Code).ToListAsync(ct);
        var served = (await session.Query<Compound>().Where(x => x.Info.PropertyCompanyCode != null).ToListAsync(ct))
            .ToLookup(x => x.Info.PropertyCompanyCode!, x => x.Code);
        return companies.Select(c => new PropertyCompanyProjects(c, served[c.Code].Order().ToList())).ToList();
    }
}
