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
    /// <summary>The three names in one read of the directory's streams (the session's county only, as every event read).</summary>
    public static async Task<PlaceNames> LoadAsync(
        IQuerySession session, string? compound, string? community, string? subDistrict, DateTimeOffset at, CancellationToken ct)
    {
        var entries = new (string Kind, string? Code)[] { ("compound", compound), ("community", community), ("sub-district", subDistrict) }
            .Select(x => (x.Kind, x.Code, Stream: string.IsNullOrEmpty(x.Code) ? Guid.Empty : DirectoryIds.For(x.Kind, x.Code)))
            .ToList();
        var streams = entries.Where(x => x.Stream != Guid.Empty).Select(x => x.Stream).ToArray();
        var events = streams.Length == 0 ? [] : await session.Events.QueryAllRawEvents()
            .Where(e => streams.Contains(e.StreamId)).OrderBy(e => e.Version).ToListAsync(ct);
        PlaceName? Named(int i) => entries[i].Code is { Length: > 0 } code
            ? new PlaceName(code, NameAt(events.Where(e => e.StreamId == entries[i].Stream).ToList(), at))
            : null;
        return new PlaceNames(Named(0), Named(1), Named(2));
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
