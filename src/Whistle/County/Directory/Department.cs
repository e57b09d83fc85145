using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A county department (住建, 公安, 城管, …, the mediation centre) with what it enforces and whom to call.</summary>
public sealed record Department : IDirectoryEntry<DepartmentInfo>
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public long Version { get; init; }
    public DepartmentInfo Info { get; init; } = null!;
    public DateTimeOffset UpdatedAt { get; init; }
    public Actor UpdatedBy { get; init; } = new("", "", "");

    public static readonly DirectoryKind<DepartmentInfo> Kind = new("department",
        (id, code, info, by, at) => new DepartmentRegistered(id, code, info, by, at),
        (id, code, info, changed, by, at) => new DepartmentRevised(id, code, info, changed, by, at));

    public static Department Create(DepartmentRegistered e) =>
        new() { Id = e.DepartmentId, Code = e.Code, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public Department Apply(DepartmentRevised e) => this with { Version = Version + 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };
}

public static class DepartmentsEndpoint
{
    [EndpointSummary("部门名录 The departments")]
    [EndpointDescription("本县的职能部门及其执法事项与监督电话。The county's departments with their enforcement items and supervision hotlines.")]
    [WolverineGet("/api/directory/departments", OperationId = "ListDepartments")]
    public static Task<IReadOnlyList<Department>> Get(IQuerySession session, CancellationToken ct) =>
        session.Query<Department>().OrderBy(x => x.Code).ToListAsync(ct);
}
