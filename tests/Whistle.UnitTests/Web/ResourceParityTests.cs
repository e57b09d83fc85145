using System.Xml.Linq;
using Shouldly;
using Xunit;

namespace Whistle.UnitTests.Web;

/// <summary>Every Chinese resource file (X.resx) has an English one (X.en.resx) with exactly the same keys, none empty.</summary>
public sealed class ResourceParityTests
{
    private static readonly string Source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Whistle"));

    public static TheoryData<string> ChineseFiles() =>
        [.. Directory.EnumerateFiles(Source, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Source, f))
            .Order()];

    private static Dictionary<string, string> Entries(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    [Fact]
    public void the_pages_resource_files_are_found() =>
        ChineseFiles().Select(f => (string)f.Data).ShouldContain(Path.Combine("Kernel", "Web", "DueBadge.resx"));

    [Theory]
    [MemberData(nameof(ChineseFiles))]
    public void the_english_file_has_the_same_keys(string chineseFile)
    {
        var chinese = Entries(Path.Combine(Source, chineseFile));
        var englishFile = Path.Combine(Source, chineseFile[..^".resx".Length] + ".en.resx");
        File.Exists(englishFile).ShouldBeTrue($"{chineseFile} has no English file");
        var english = Entries(englishFile);

        english.Keys.Order().ShouldBe(chinese.Keys.Order(), chineseFile);
        chinese.Concat(english).Where(e => e.Value.Trim().Length == 0).Select(e => e.Key).ShouldBeEmpty(chineseFile);
    }
}
