using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>A county department (住建, 公安, 城管, …, the mediation centre) with what it enforces and whom to call.</summary>
public sealed class Department
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public long Version { get; set; }
    public DepartmentInfo Info { get; set; } = null!;
    public DateTimeOffset UpdatedAt { get; set; }
    public Actor UpdatedBy { get; set; } = new("", "", "");

    public static Department Create(DepartmentRegistered e) =>
        new() { Id = e.DepartmentId, Code = e.Code, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public void Apply(DepartmentRevised e) => (Version, Info, UpdatedAt, UpdatedBy) = (Version + 1, e.Info, e.At, e.By);
}

public static class DepartmentsEndpoint
{
    [WolverineGet("/api/directory/departments", OperationId = "ListDepartments")]
    public static Task<IReadOnlyList<Department>> Get(IQuerySession session, CancellationToken ct) =>
        session.Query<Department>().OrderBy(x => x.Code).ToListAsync(ct);
}
