using Marten;

namespace Whistle.Kernel;

/// <summary>
/// How lists count their matches: exactly up to a cap, as search services count, then "that many or more". An exact
/// count of a county's hundred thousand cases reads the whole index on every page; nobody pages that far.
/// </summary>
public static class CappedCount
{
    /// <summary>A list's total: 500 pages of 20.</summary>
    public const int Cap = 10_000;

    /// <summary>
    /// The number of <paramref name="ids"/>, counting no further than <paramref name="cap"/> + 1 (so that a count past the
    /// cap is known as such: <c>exact</c> is false and the count reads the cap). Marten puts a LINQ <c>Take</c> after its
    /// <c>count(*)</c>, where it limits nothing, so the count wraps the limited query Marten writes for the ids.
    /// </summary>
    public static async Task<(long Count, bool Exact)> CountAsync(IQuerySession session, IQueryable<Guid> ids, CancellationToken ct, int cap = Cap)
    {
        var command = ids.Take(cap + 1).ToCommand();
        command.CommandText = $"select count(*) from ({command.CommandText.TrimEnd(';', ' ')}) as matches";
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        var count = await reader.ReadAsync(ct) ? reader.GetInt64(0) : 0;
        return (Math.Min(count, cap), count <= cap);
    }
}
