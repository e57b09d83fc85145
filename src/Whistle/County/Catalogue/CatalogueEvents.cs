using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.County.Catalogue;

/// <summary>
/// One line of the dispatch catalogue (派单目录): a case category, the department that leads on it, those that
/// help, and the whistle type a case of it usually needs.
/// </summary>
public sealed record CatalogueEntry(
    string CategoryId, string Name, string NameEn, string Lead, IReadOnlyList<string> CoHandling, WhistleType WhistleType);

/// <summary>A new version of the county's catalogue: the whole list as it is from now on.</summary>
public sealed record CataloguePublished(
    Guid CatalogueId, int Version, IReadOnlyList<CatalogueEntry> Entries, string? Note, Actor By, DateTimeOffset At);

/// <summary>The events of the catalogue's stream, as the event store registers them.</summary>
public static class CatalogueEvents
{
    public static readonly IReadOnlyList<Type> All = [typeof(CataloguePublished)];
}
