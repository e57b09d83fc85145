using JasperFx.Events.Projections;
using Whistle.Assessment;
using Whistle.Assessment.Credit;
using Whistle.Assessment.Signals;
using Whistle.Assessment.Territories;
using Whistle.Whistles;

namespace Whistle.Hosting.Projections;

/// <summary>One registered projection as the administrators see it: its name, lifecycle and the documents it writes.</summary>
public sealed record ProjectionEntry(string Name, ProjectionLifecycle Lifecycle, IReadOnlyList<Type> Documents);

/// <summary>
/// The projections of the store and the order they must be rebuilt in. Some async projections read documents that
/// other projections write (the territories' cases and the gaming signals read <see cref="WhistleDetails"/>): while
/// those documents are being rebuilt the
/// readers would see them half-made, so a rebuild of a projection is always followed by the rebuild of every
/// projection that reads its documents, readers after what they read. The credit files' cases
/// (<see cref="CompanyCreditCase"/>) read nothing while projected: the directory's entry joins them when a file is read;
/// nor do the departments' assignments (<see cref="ScoredAssignment"/>): every event names its whistle and department.
/// </summary>
public sealed class ProjectionCatalogue(IReadOnlyList<ProjectionEntry> entries)
{
    /// <summary>The documents each reading projection loads while it runs: its grouping queries them.</summary>
    public static readonly IReadOnlyDictionary<Type, Type[]> Reads = new Dictionary<Type, Type[]>
    {
        [typeof(TerritoryCase)] = [typeof(WhistleDetails)],
        [typeof(WatchedAssignment)] = [typeof(WhistleDetails)],
    };

    public IReadOnlyList<ProjectionEntry> Entries => entries;

    public IReadOnlyList<string> Names => [.. entries.Select(e => e.Name).Order(StringComparer.Ordinal)];

    public ProjectionEntry? Find(string name) => entries.FirstOrDefault(e => e.Name == name);

    /// <summary>The projections whose documents <paramref name="entry"/> reads.</summary>
    public IReadOnlyList<ProjectionEntry> ReadsFrom(ProjectionEntry entry)
    {
        var read = entry.Documents.SelectMany(d => Reads.TryGetValue(d, out var types) ? types : []).ToHashSet();
        return [.. entries.Where(e => e != entry && e.Documents.Any(read.Contains))];
    }

    /// <summary>
    /// What rebuilding <paramref name="name"/> rebuilds, in order: the projection first, then every projection that reads
    /// its documents (and, in turn, their readers), each after all that it reads. Empty when the name is unknown.
    /// </summary>
    public IReadOnlyList<ProjectionEntry> RebuildOrder(string name)
    {
        if (Find(name) is not { } first) return [];
        var included = new HashSet<ProjectionEntry> { first };
        var grew = true;
        while (grew)
        {
            var readers = entries.Where(e => !included.Contains(e) && ReadsFrom(e).Any(included.Contains)).ToList();
            included.UnionWith(readers);
            grew = readers.Count > 0;
        }
        return InDependencyOrder(included);
    }

    /// <summary>Every projection, each after the projections it reads: the order of a full rebuild.</summary>
    public IReadOnlyList<ProjectionEntry> FullRebuildOrder() => InDependencyOrder(entries.ToHashSet());

    private List<ProjectionEntry> InDependencyOrder(HashSet<ProjectionEntry> chosen)
    {
        var ordered = new List<ProjectionEntry>();
        var left = entries.Where(chosen.Contains).ToList();
        while (left.Count > 0)
        {
            var ready = left.Where(e => ReadsFrom(e).All(r => !left.Contains(r))).ToList();
            if (ready.Count == 0)
                throw new InvalidOperationException("Projections read each other in a cycle: " + string.Join(", ", left.Select(e => e.Name)));
            ordered.AddRange(ready);
            left.RemoveAll(ready.Contains);
        }
        return ordered;
    }
}
