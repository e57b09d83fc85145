using Shouldly;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Catalogue;

public class PublishCatalogueTests
{
    private static readonly DepartmentCodes Departments =
        new(new HashSet<string>(["chengguan", "gongan", "zhujian", "huanbao"], StringComparer.Ordinal));

    private static readonly CatalogueEntryInput Parking =
        new("illegal-parking", "乱停乱放", "Illegal parking", "gongan", ["chengguan"], WhistleType.Routine);

    private static readonly CatalogueEntryInput Noise =
        new("noise", "噪声扰民", "Noise", "huanbao", ["gongan", "chengguan"], WhistleType.Routine);

    private static PublishCatalogue Catalogue(params CatalogueEntryInput[] entries) => new(entries, "第二版");

    [Fact]
    public void a_catalogue_naming_known_departments_passes_validation() =>
        PublishCatalogueEndpoint.Validate(Catalogue(Parking, Noise), Departments).ShouldBeNoProblem();

    [Fact]
    public void a_catalogue_without_entries_is_rejected()
    {
        PublishCatalogueEndpoint.Validate(Catalogue(), Departments).ShouldRejectField("entries", "1 to 500 entries");
        PublishCatalogueEndpoint.Validate(new PublishCatalogue(null, null), Departments).ShouldRejectField("entries", "1 to 500 entries");
    }

    [Fact]
    public void a_catalogue_of_more_than_500_entries_is_rejected()
    {
        var entries = Enumerable.Range(1, 501).Select(i => Parking with { CategoryId = $"category-{i}" }).ToArray();

        PublishCatalogueEndpoint.Validate(Catalogue(entries), Departments).ShouldRejectField("entries", "1 to 500 entries");
    }

    [Fact]
    public void a_category_given_twice_is_rejected_at_its_second_entry() =>
        PublishCatalogueEndpoint.Validate(Catalogue(Parking, Noise, Noise with { Name = "夜间噪声" }), Departments)
            .ShouldRejectField("entries[2].categoryId", "Category noise appears twice.");

    [Fact]
    public void an_unknown_lead_department_is_rejected() =>
        PublishCatalogueEndpoint.Validate(Catalogue(Parking, Noise with { Lead = "wenlv" }), Departments)
            .ShouldRejectField("entries[1].lead", "No department wenlv.");

    [Fact]
    public void an_unknown_co_handling_department_is_rejected() =>
        PublishCatalogueEndpoint.Validate(Catalogue(Parking with { CoHandling = ["chengguan", "wenlv"] }), Departments)
            .ShouldRejectField("entries[0].coHandling", "没有编码为 wenlv 的部门。No such department.");

    [Fact]
    public void the_lead_department_cannot_also_co_handle() =>
        PublishCatalogueEndpoint.Validate(Catalogue(Noise, Parking with { CoHandling = ["chengguan", "gongan"] }), Departments)
            .ShouldRejectField("entries[1].coHandling", "The lead department cannot also co-handle.");

    [Fact]
    public void every_missing_field_of_an_entry_is_named_by_its_index() =>
        PublishCatalogueEndpoint.Validate(Catalogue(Parking, new CatalogueEntryInput(null, " ", null, null, null, null)), Departments)
            .ShouldRejectFields("entries[1].categoryId", "entries[1].name", "entries[1].nameEn", "entries[1].lead", "entries[1].whistleType");

    [Fact]
    public void an_unknown_whistle_type_is_rejected() =>
        PublishCatalogueEndpoint.Validate(Catalogue(Parking with { WhistleType = (WhistleType)9 }), Departments)
            .ShouldRejectField("entries[0].whistleType", "Not a valid value");

    [Fact]
    public void a_note_is_at_most_500_characters() =>
        PublishCatalogueEndpoint.Validate(new PublishCatalogue([Parking], new string('注', 501)), Departments)
            .ShouldRejectField("note", "At most 500");

    [Fact]
    public void the_first_catalogue_a_county_publishes_is_version_1()
    {
        var published = PublishCatalogueEndpoint.Publish(Catalogue(Parking), 0, Users.AdminActor, Now);

        published.CatalogueId.ShouldBe(DispatchCatalogue.StreamId);
        published.Version.ShouldBe(1);
        published.Note.ShouldBe("第二版");
        published.By.ShouldBe(Users.AdminActor);
        published.At.ShouldBe(Now);
    }

    [Fact]
    public void a_new_catalogue_is_the_next_version_of_the_current_one() =>
        PublishCatalogueEndpoint.Publish(Catalogue(Parking), 3, Users.AdminActor, Now).Version.ShouldBe(4);

    [Fact]
    public void entries_are_published_trimmed_in_the_order_given()
    {
        var command = new PublishCatalogue(
            [new(" noise ", " 噪声扰民 ", " Noise ", "huanbao", ["gongan"], WhistleType.Routine), Parking], "  第二版 ");

        var published = PublishCatalogueEndpoint.Publish(command, 1, Users.AdminActor, Now);

        published.Entries.Select(e => (e.CategoryId, e.Name, e.NameEn, e.Lead, e.WhistleType)).ShouldBe(
        [
            ("noise", "噪声扰民", "Noise", "huanbao", WhistleType.Routine),
            ("illegal-parking", "乱停乱放", "Illegal parking", "gongan", WhistleType.Routine),
        ]);
        published.Note.ShouldBe("第二版");
    }

    [Fact]
    public void a_co_handling_department_named_twice_is_published_once()
    {
        var command = Catalogue(Noise with { CoHandling = ["gongan", "chengguan", "gongan"] });

        PublishCatalogueEndpoint.Publish(command, 1, Users.AdminActor, Now).Entries.ShouldHaveSingleItem()
            .CoHandling.ShouldBe(["gongan", "chengguan"]);
    }

    [Fact]
    public void an_entry_without_co_handling_departments_publishes_an_empty_list() =>
        PublishCatalogueEndpoint.Publish(Catalogue(Parking with { CoHandling = null }), 1, Users.AdminActor, Now)
            .Entries.ShouldHaveSingleItem().CoHandling.ShouldBeEmpty();

    [Fact]
    public void the_published_version_becomes_the_catalogue_in_force()
    {
        var current = DispatchCatalogue.Create(PublishCatalogueEndpoint.Publish(Catalogue(Parking), 0, Users.ClerkActor, Now.AddDays(-30)));

        current = current.Apply(PublishCatalogueEndpoint.Publish(Catalogue(Noise), current.Version, Users.AdminActor, Now));

        current.Version.ShouldBe(2);
        current.Entries.ShouldHaveSingleItem().CategoryId.ShouldBe("noise");
        current.PublishedBy.ShouldBe(Users.AdminActor);
    }
}
