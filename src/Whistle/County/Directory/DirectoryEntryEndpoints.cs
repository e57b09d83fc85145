using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>
/// One directory entry by its code, as the lists show it; 404 when the county has none (codes are matched exactly,
/// as the PUT that records them does). One class per kind: Wolverine applies a class's Validate to all its endpoints.
/// </summary>
public static class DirectoryEntry
{
    public const string Description = "按代码返回一个目录条目（代码须完全一致），与列表中的条目相同；不存在时 404。所有登录用户可用。"
        + " One directory entry by its exact code, as the list shows it; 404 when there is none. Any signed-in user.";

    public static ProblemDetails Found<T>(T? entry, string kindZh, string kind, string code) where T : class =>
        entry is not null ? Problems.None : Problems.NotFound($"目录中没有代码为 {code} 的{kindZh}。", $"The directory has no {kind} {code}.");
}

public static class GetSubDistrictEndpoint
{
    public static Task<SubDistrict?> LoadAsync(string code, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<SubDistrict>(DirectoryIds.SubDistrict(code), ct);

    public static ProblemDetails Validate(string code, SubDistrict? entry) => DirectoryEntry.Found(entry, "街道", "sub-district", code);

    [WolverineGet("/api/directory/sub-districts/{code}", OperationId = "GetSubDistrict")]
    [EndpointSummary("查看一个街道 One sub-district")]
    [EndpointDescription(DirectoryEntry.Description)]
    public static SubDistrict Get(SubDistrict entry) => entry;
}

public static class GetCommunityEndpoint
{
    public static Task<Community?> LoadAsync(string code, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<Community>(DirectoryIds.Community(code), ct);

    public static ProblemDetails Validate(string code, Community? entry) => DirectoryEntry.Found(entry, "社区", "community", code);

    [WolverineGet("/api/directory/communities/{code}", OperationId = "GetCommunity")]
    [EndpointSummary("查看一个社区 One community")]
    [EndpointDescription(DirectoryEntry.Description)]
    public static Community Get(Community entry) => entry;
}

public static class GetCompoundEndpoint
{
    public static Task<Compound?> LoadAsync(string code, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<Compound>(DirectoryIds.Compound(code), ct);

    public static ProblemDetails Validate(string code, Compound? entry) => DirectoryEntry.Found(entry, "小区", "compound", code);

    [WolverineGet("/api/directory/compounds/{code}", OperationId = "GetCompound")]
    [EndpointSummary("查看一个小区 One compound")]
    [EndpointDescription(DirectoryEntry.Description)]
    public static Compound Get(Compound entry) => entry;
}

public static class GetPropertyCompanyEndpoint
{
    public static Task<PropertyCompany?> LoadAsync(string code, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<PropertyCompany>(DirectoryIds.PropertyCompany(code), ct);

    public static ProblemDetails Validate(string code, PropertyCompany? entry) =>
        DirectoryEntry.Found(entry, "物业服务企业", "property company", code);

    [WolverineGet("/api/directory/property-companies/{code}", OperationId = "GetPropertyCompany")]
    [EndpointSummary("查看一个物业服务企业 One property-service company")]
    [EndpointDescription(DirectoryEntry.Description)]
    public static PropertyCompany Get(PropertyCompany entry) => entry;
}

public static class GetDepartmentEndpoint
{
    public static Task<Department?> LoadAsync(string code, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<Department>(DirectoryIds.Department(code), ct);

    public static ProblemDetails Validate(string code, Department? entry) => DirectoryEntry.Found(entry, "部门", "department", code);

    [WolverineGet("/api/directory/departments/{code}", OperationId = "GetDepartment")]
    [EndpointSummary("查看一个部门 One department")]
    [EndpointDescription(DirectoryEntry.Description)]
    public static Department Get(Department entry) => entry;
}
