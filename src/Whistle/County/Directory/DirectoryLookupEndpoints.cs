using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A compound as a lookup answers it: where it is and who manages it (no company when it manages itself).</summary>
public sealed record CompoundCandidate(
    string Code, string Name, string Address, NamedCode Community, NamedCode SubDistrict, NamedCode? PropertyCompany, int Households);

public sealed record PropertyCompanyCandidate(string Code, string Name, string CreditCode, string ContactPerson, string Phone, int Compounds);

public sealed record DepartmentCandidate(string Code, string Name, string NameEn, string ContactPhone, string SupervisionHotline);

public static class LookUpCompoundsEndpoint
{
    public static ProblemDetails Validate(string? q, int? limit) => DirectoryLookup.Parse(q, limit).Problem;

    [WolverineGet("/api/directory/compounds/lookup", OperationId = "LookUpCompounds")]
    [EndpointSummary("按名称、地址或代码查找小区 Look up compounds by name, address or code")]
    [EndpointDescription("q：小区名称、地址或代码的一部分（如 东关、迎宾大道、CP010101）。按代码完全相同、名称开头、名称包含、代码开头、地址包含排序，"
        + "最多 limit 条（默认 20，至多 50），附所属社区、街道和物业服务企业，以及匹配总数。所有登录用户可用。"
        + " Compounds whose name, address or code holds q, ranked: exact code, name prefix, name contains, code prefix, address"
        + " contains; at most limit (20 by default, 50 at most) with their community, sub-district and property company, and the"
        + " total that matched. Any signed-in user.")]
    public static async Task<Candidates<CompoundCandidate>> Get(string? q, int? limit, IQuerySession session, CancellationToken ct)
    {
        var (text, take, _) = DirectoryLookup.Parse(q, limit);
        var compounds = await session.Query<Compound>().ToListAsync(ct);
        var communities = (await session.Query<Community>().ToListAsync(ct)).ToDictionary(x => x.Code, x => x.Info.Name);
        var subDistricts = (await session.Query<SubDistrict>().ToListAsync(ct)).ToDictionary(x => x.Code, x => x.Info.Name);
        var companies = (await session.Query<PropertyCompany>().ToListAsync(ct)).ToDictionary(x => x.Code, x => x.Info.Name);
        NamedCode Named(string code, Dictionary<string, string> names) => new(code, names.GetValueOrDefault(code, ""));
        return DirectoryLookup.Find(compounds,
            c => DirectoryLookup.Rank(text, c.Code, c.Info.Name, c.Info.Address),
            c => c.Code,
            c => new CompoundCandidate(c.Code, c.Info.Name, c.Info.Address, Named(c.Info.CommunityCode, communities),
                Named(c.Info.SubDistrictCode, subDistricts), c.Info.PropertyCompanyCode is { } pc ? Named(pc, companies) : null,
                c.Info.Households),
            take);
    }
}

public static class LookUpPropertyCompaniesEndpoint
{
    public static ProblemDetails Validate(string? q, int? limit) => DirectoryLookup.Parse(q, limit).Problem;

    [WolverineGet("/api/directory/property-companies/lookup", OperationId = "LookUpPropertyCompanies")]
    [EndpointSummary("按名称或代码查找物业服务企业 Look up property-service companies by name or code")]
    [EndpointDescription("q：企业名称、代码或统一社会信用代码的一部分。排序同小区查找，附服务小区数和匹配总数。所有登录用户可用。"
        + " Companies whose name, code or credit code holds q, ranked as the compound lookup, with the number of compounds each"
        + " serves and the total that matched. Any signed-in user.")]
    public static async Task<Candidates<PropertyCompanyCandidate>> Get(string? q, int? limit, IQuerySession session, CancellationToken ct)
    {
        var (text, take, _) = DirectoryLookup.Parse(q, limit);
        var companies = await session.Query<PropertyCompany>().ToListAsync(ct);
        var served = (await session.Query<Compound>().Where(x => x.Info.PropertyCompanyCode != null).ToListAsync(ct))
            .CountBy(x => x.Info.PropertyCompanyCode!).ToDictionary();
        return DirectoryLookup.Find(companies,
            c => DirectoryLookup.Rank(text, c.Code, c.Info.Name, c.Info.CreditCode),
            c => c.Code,
            c => new PropertyCompanyCandidate(c.Code, c.Info.Name, c.Info.CreditCode, c.Info.ContactPerson, c.Info.Phone,
                served.GetValueOrDefault(c.Code)),
            take);
    }
}

public static class LookUpDepartmentsEndpoint
{
    public static ProblemDetails Validate(string? q, int? limit) => DirectoryLookup.Parse(q, limit).Problem;

    [WolverineGet("/api/directory/departments/lookup", OperationId = "LookUpDepartments")]
    [EndpointSummary("按名称、代码或职责查找部门 Look up departments by name, code or duty")]
    [EndpointDescription("q：部门名称、代码、英文名或执法事项的一部分（如 城管、电梯）。排序同小区查找，附联系电话、监督电话和匹配总数。所有登录用户可用。"
        + " Departments whose name, code, English name or enforcement items hold q, ranked as the compound lookup, with their"
        + " contact and supervision phones and the total that matched. Any signed-in user.")]
    public static async Task<Candidates<DepartmentCandidate>> Get(string? q, int? limit, IQuerySession session, CancellationToken ct)
    {
        var (text, take, _) = DirectoryLookup.Parse(q, limit);
        var departments = await session.Query<Department>().ToListAsync(ct);
        return DirectoryLookup.Find(departments,
            d => DirectoryLookup.Rank(text, d.Code, d.Info.Name, [d.Info.NameEn, .. d.Info.EnforcementItems]),
            d => d.Code,
            d => new DepartmentCandidate(d.Code, d.Info.Name, d.Info.NameEn, d.Info.ContactPhone, d.Info.SupervisionHotline),
            take);
    }
}
