using System.Text.Json;
using System.Text.Json.Serialization;

namespace Whistle.County.Directory;

/// <summary>
/// A county's directory as a data file (samples/county/county.json: the sample county 安澜县, modelled on the source
/// report). Each entry is its code and the fields an administrator's PUT would record.
/// </summary>
public sealed record SampleCounty(
    string Id,
    string Name,
    IReadOnlyList<(string Code, SubDistrictInfo Info)> SubDistricts,
    IReadOnlyList<(string Code, CommunityInfo Info)> Communities,
    IReadOnlyList<(string Code, PropertyCompanyInfo Info)> PropertyCompanies,
    IReadOnlyList<(string Code, CompoundInfo Info)> Compounds,
    IReadOnlyList<(string Code, DepartmentInfo Info)> Departments)
{
    /// <summary>The setting that names the file; unset, no county is loaded.</summary>
    public const string Setting = "Whistle:SampleCounty";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static SampleCounty Read(string path)
    {
        using var file = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = file.RootElement;
        return new SampleCounty(
            root.GetProperty("id").GetString()!, root.GetProperty("name").GetString()!,
            Entries<SubDistrictInfo>(root, "subDistricts"), Entries<CommunityInfo>(root, "communities"),
            Entries<PropertyCompanyInfo>(root, "propertyCompanies"), Entries<CompoundInfo>(root, "compounds"),
            Entries<DepartmentInfo>(root, "departments"));
    }

    private static List<(string Code, TInfo Info)> Entries<TInfo>(JsonElement root, string list) =>
        root.GetProperty(list).EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString()!, e.Deserialize<TInfo>(Json)!))
            .ToList();

    /// <summary>
    /// The file a setting names: an absolute path, or a path relative to the working directory or to any folder
    /// above the application (so <c>samples/county/county.json</c> is found from the repository's root).
    /// </summary>
    public static string Locate(string path)
    {
        if (Path.IsPathRooted(path)) return File.Exists(path) ? path : throw Missing(path);
        var starts = new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, path);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw Missing(path);
    }

    private static FileNotFoundException Missing(string path) => new(
        $"{Setting} names {path}, which is not a file here or in a folder above the application. " +
        "It is the path of a county's data file, e.g. samples/county/county.json.", path);
}
