using JasperFx.Events;
using Marten;
using Whistle.County.Directory;
using Whistle.Kernel;

namespace Whistle.History.TimeTravel;

/// <summary>A directory entry's code and its name as of a moment; null name: the entry was not yet recorded then.</summary>
public sealed record PlaceName(string Code, string? Name);

/// <summary>Where a case stood, named as the directory named the places at the moment asked about.</summary>
public sealed record PlaceNames(PlaceName? Compound, PlaceName? Community, PlaceName? SubDistrict);

/// <summary>
/// Names of directory entries as of a moment, read from the directory's own event streams (never its current
/// documents): a compound renamed later keeps its old name in a view of before the rename.
/// </summary>
public static class NamesAsOf
{
    public static async Task<PlaceNames> LoadAsync(
        IQuerySession session, string? compound, string? community, string? subDistrict, DateTimeOffset at, CancellationToken ct) =>
        new(await NameAsync(session, "compound", compound, at, ct),
            await NameAsync(session, "community", community, at, ct),
            await NameAsync(session, "sub-district", subDistrict, at, ct));

    private static async Task<PlaceName?> NameAsync(IQuerySession session, string kind, string? code, DateTimeOffset at, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code)) return null;
        var events = await session.Events.FetchStreamAsync(DirectoryIds.For(kind, code), token: ct);
        return new PlaceName(code, NameAt(events, at));
    }

    /// <summary>The name the entry's last change at or before the moment gave it; null before it was recorded.</summary>
    public static string? NameAt(IReadOnlyList<IEvent> events, DateTimeOffset at) =>
        events.Where(e => e.Data is IDirectoryChange<object> && EventMoment.Of(e) <= at).OrderBy(e => e.Version)
            .Select(e => ((IDirectoryChange<object>)e.Data).Info)
            .Select(info => info switch
            {
                CompoundInfo c => c.Name,
                CommunityInfo c => c.Name,
                SubDistrictInfo s => s.Name,
                PropertyCompanyInfo p => p.Name,
                DepartmentInfo d => d.Name,
                _ => null,
            })
            .LastOrDefault();
}
