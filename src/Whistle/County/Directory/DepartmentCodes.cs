using Marten;

namespace Whistle.County.Directory;

/// <summary>The codes of the county's departments, for checking the departments a command names.</summary>
public sealed class DepartmentCodes(IReadOnlySet<string> codes)
{
    public bool Contains(string code) => codes.Contains(code);

    public static async Task<DepartmentCodes> LoadAsync(IQuerySession session, CancellationToken ct) =>
        new((await session.Query<Department>().Select(d => d.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal));
}
