using System.Reflection;
using Mono.Cecil;
using NetArchTest.Rules;

namespace Whistle.UnitTests.Architecture;

/// <summary>
/// The architecture's rules over any assembly and root namespace, so that they run against Whistle and against a
/// deliberately broken fixture (<see cref="Fixture"/>): a rule that finds nothing there could never fail.
/// </summary>
public sealed class ArchitectureRules
{
    public const string Hosting = "Hosting", County = "County", Kernel = "Kernel";

    private readonly Assembly assembly;
    private readonly string root;
    private readonly IReadOnlyList<string> caseCapabilities;

    /// <summary>
    /// For each capability, the types under the root that depend on it: one scan of the assembly per capability, made
    /// once, from which every arrow is read (a scan per pair of capabilities cost twice the time).
    /// </summary>
    private readonly Lazy<Dictionary<string, string[]>> dependents;

    private readonly Lazy<IReadOnlyList<(string From, string To)>> arrows;

    public ArchitectureRules(Assembly assembly, string root, IReadOnlyList<string> caseCapabilities)
    {
        (this.assembly, this.root, this.caseCapabilities) = (assembly, root, caseCapabilities);
        dependents = new(() => All.ToDictionary(c => c, c =>
            Types.InAssembly(assembly).That().ResideInNamespace(root).And().HaveDependencyOn(Ns(c)).GetTypes()
                .Select(t => t.FullName!).ToArray()));
        arrows = new(() => [.. from a in All from b in All where a != b && Users(a, b).Any() select (a, b)]);
    }

    private string Ns(string capability) => $"{root}.{capability}";

    private IEnumerable<string> All => [.. caseCapabilities, County, Kernel];

    /// <summary>Every broken rule, one sentence each.</summary>
    public IReadOnlyList<string> Violations() =>
        [.. ReferencesToTheHost(), .. CountyReferencesToCases(), .. KernelReferences(), .. Cycles(), .. WritesReadingReadModels()];

    /// <summary>The host composes the application: nothing references it.</summary>
    public IEnumerable<string> ReferencesToTheHost() =>
        Types.InAssembly(assembly).That().ResideInNamespace(root).And().DoNotResideInNamespace(Ns(Hosting))
            .And().HaveDependencyOn(Ns(Hosting)).GetTypes()
            .Select(t => $"{t.FullName} references the host wiring");

    /// <summary>The county's reference data knows no case capability.</summary>
    public IEnumerable<string> CountyReferencesToCases() =>
        caseCapabilities.SelectMany(c => Users(County, c).Select(t => $"{t} (county data) references {Ns(c)}"));

    /// <summary>The shared kernel references no capability.</summary>
    public IEnumerable<string> KernelReferences() =>
        caseCapabilities.Append(County).SelectMany(c => Users(Kernel, c).Select(t => $"{t} (kernel) references {Ns(c)}"));

    /// <summary>The capabilities' arrows, as "from -> to".</summary>
    public IReadOnlyList<(string From, string To)> Arrows() => arrows.Value;

    /// <summary>No two capabilities import each other, directly or around a longer loop.</summary>
    public IEnumerable<string> Cycles()
    {
        var arrows = Arrows().ToLookup(a => a.From, a => a.To);
        var found = new HashSet<string>();
        foreach (var start in All)
        {
            var stack = new Stack<List<string>>([[start]]);
            while (stack.TryPop(out var path))
                foreach (var next in arrows[path[^1]])
                {
                    if (next == start)
                        found.Add(Canonical(path) + " -> " + Canonical(path).Split(" -> ")[0]);
                    else if (!path.Contains(next))
                        stack.Push([.. path, next]);
                }
        }
        return found.Order().Select(c => $"capabilities import each other: {c}");
    }

    /// <summary>The write side (command endpoints and message handlers) never reads a read model.</summary>
    public IEnumerable<string> WritesReadingReadModels()
    {
        var readModels = ReadModels();
        if (readModels.Count == 0) return [];
        return Types.InAssembly(assembly).That().ResideInNamespace(root).And().MeetCustomRule(new WriteSide())
            .And().HaveDependencyOnAny([.. readModels]).GetTypes()
            .Select(t => $"{t.FullName} (write side) reads a read model");
    }

    /// <summary>The documents that projections build.</summary>
    public IReadOnlyList<string> ReadModels() =>
        [.. assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(root + ".", StringComparison.Ordinal) == true)
            .Select(t => t.BaseType)
            .Where(b => b is { IsGenericType: true }
                && b.GetGenericTypeDefinition().Name is "SingleStreamProjection`2" or "MultiStreamProjection`2")
            .Select(b => b!.GetGenericArguments()[0].FullName!)
            .Distinct()];

    /// <summary>The types of capability <paramref name="from"/> that depend on capability <paramref name="to"/>.</summary>
    private IEnumerable<string> Users(string from, string to) =>
        dependents.Value[to].Where(t => t.StartsWith(Ns(from) + ".", StringComparison.Ordinal));

    private static string Canonical(List<string> cycle)
    {
        var first = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
        return string.Join(" -> ", cycle.Skip(first).Concat(cycle.Take(first)));
    }

    /// <summary>
    /// A command endpoint (POST, PUT, PATCH, DELETE) or a message handler. A POST marked <c>[RecordedRead]</c> is a read
    /// whose access is recorded (unmasking personal data), not a command deciding on what it reads.
    /// </summary>
    private sealed class WriteSide : ICustomRule
    {
        private static readonly string[] Verbs =
            ["WolverinePostAttribute", "WolverinePutAttribute", "WolverinePatchAttribute", "WolverineDeleteAttribute"];

        public bool MeetsRule(TypeDefinition type) =>
            type.Methods.Any(m => m.CustomAttributes.Any(a => Verbs.Contains(a.AttributeType.Name))
                && m.CustomAttributes.All(a => a.AttributeType.Name != "RecordedReadAttribute"))
            || (type.Name.EndsWith("Handler", StringComparison.Ordinal) && type.Methods.Any(m => m.Name is "Handle" or "HandleAsync"));
    }
}
