using System.Text.Json.Nodes;

namespace Whistle.History.TimeTravel;

/// <summary>One field that differs between two views: its JSON path (<c>$.assignments[0].status</c>), before and after.</summary>
public sealed record FieldChange(string Path, JsonNode? Before, JsonNode? After);

/// <summary>
/// Compares two serialized views field by field. Objects are compared member by member (a member present on one
/// side only is a change with null on the other); arrays element by element by position, extra elements being
/// added or removed; anything else by its JSON value. Equal views give no changes. Pure: no clock, no store.
/// </summary>
public static class JsonDifference
{
    public static IReadOnlyList<FieldChange> Between(JsonNode? before, JsonNode? after)
    {
        var changes = new List<FieldChange>();
        Compare("$", before, after, changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var name in b.Select(p => p.Key).Union(a.Select(p => p.Key), StringComparer.Ordinal))
                    Compare($"{path}.{name}", b[name], a[name], changes);
                break;
            case (JsonArray b, JsonArray a):
                for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
                    Compare($"{path}[{i}]", i < b.Count ? b[i] : null, i < a.Count ? a[i] : null, changes);
                break;
            default:
                if (!JsonNode.DeepEquals(before, after)) changes.Add(new FieldChange(path, before?.DeepClone(), after?.DeepClone()));
                break;
        }
    }
}
