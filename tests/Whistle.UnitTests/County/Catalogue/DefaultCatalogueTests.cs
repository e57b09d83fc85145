using Shouldly;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.UnitTests.County.Directory;
using Xunit;

namespace Whistle.UnitTests.County.Catalogue;

public class DefaultCatalogueTests
{
    private static readonly HashSet<string> Departments = TheSampleCounty.County.Departments.Select(d => d.Code).ToHashSet();

    private static readonly string[] ReportedProblems =
    [
        "illegal-construction", "illegal-parking", "littering", "green-space", "property-service",
        "maintenance-fund", "property-fee", "elevator-safety", "fire-safety", "noise",
    ];

    [Fact]
    public void every_lead_and_co_handling_department_is_a_department_of_the_sample_county()
    {
        DefaultCatalogue.Entries.ShouldAllBe(e => Departments.Contains(e.Lead));
        DefaultCatalogue.Entries.SelectMany(e => e.CoHandling).ShouldAllBe(code => Departments.Contains(code));
    }

    [Fact]
    public void no_lead_department_also_co_handles_its_category() =>
        DefaultCatalogue.Entries.ShouldAllBe(e => !e.CoHandling.Contains(e.Lead));

    [Fact]
    public void no_department_co_handles_a_category_twice() =>
        DefaultCatalogue.Entries.ShouldAllBe(e => e.CoHandling.Distinct().Count() == e.CoHandling.Count);

    [Fact]
    public void category_ids_are_unique() =>
        DefaultCatalogue.Entries.Select(e => e.CategoryId).ShouldBeUnique();

    [Fact]
    public void it_covers_the_problems_the_source_report_names() =>
        ReportedProblems.ShouldBeSubsetOf(DefaultCatalogue.Entries.Select(e => e.CategoryId));

    [Theory]
    [InlineData("illegal-construction", "chengguan", WhistleType.Tough)]
    [InlineData("illegal-parking", "gongan", WhistleType.Routine)]
    [InlineData("elevator-safety", "shichang", WhistleType.Emergency)]
    [InlineData("fire-safety", "xiaofang", WhistleType.Emergency)]
    [InlineData("property-fee", "zhujian", WhistleType.Routine)]
    [InlineData("neighbour-dispute", "mediation-centre", WhistleType.Routine)]
    public void a_category_is_led_by_the_department_the_report_names_with_the_usual_whistle(
        string category, string lead, WhistleType type)
    {
        var entry = DefaultCatalogue.Entries.Single(e => e.CategoryId == category);

        entry.Lead.ShouldBe(lead);
        entry.WhistleType.ShouldBe(type);
    }

    [Fact]
    public void every_entry_has_a_chinese_and_an_english_name() =>
        DefaultCatalogue.Entries.ShouldAllBe(e => e.Name.Length > 0 && e.NameEn.Length > 0);

    [Fact]
    public void the_default_catalogue_passes_the_validation_a_published_one_must()
    {
        var command = new PublishCatalogue(
            [.. DefaultCatalogue.Entries.Select(e => new CatalogueEntryInput(e.CategoryId, e.Name, e.NameEn, e.Lead, e.CoHandling, e.WhistleType))],
            "默认目录");

        PublishCatalogueEndpoint.Validate(command, new DepartmentCodes(Departments)).ShouldBeNoProblem();
    }
}
