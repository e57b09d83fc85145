using Shouldly;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Catalogue;

public class DispatchCatalogueTests
{
    private static readonly CatalogueEntry Parking =
        new("illegal-parking", "乱停乱放", "Illegal parking", "gongan", ["chengguan"], WhistleType.Routine);

    private static readonly CatalogueEntry Noise =
        new("noise", "噪声扰民", "Noise", "huanbao", ["gongan"], WhistleType.Routine);

    private static readonly DateTimeOffset Earlier = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void the_first_publication_creates_the_catalogue_in_force()
    {
        var catalogue = DispatchCatalogue.Create(
            new CataloguePublished(DispatchCatalogue.StreamId, 1, [Parking], "首版", Users.AdminActor, Earlier));

        catalogue.Id.ShouldBe(DispatchCatalogue.StreamId);
        catalogue.Version.ShouldBe(1);
        catalogue.Entries.ShouldBe([Parking]);
        catalogue.Note.ShouldBe("首版");
        catalogue.PublishedAt.ShouldBe(Earlier);
        catalogue.PublishedBy.ShouldBe(Users.AdminActor);
    }

    [Fact]
    public void a_later_publication_replaces_the_whole_catalogue()
    {
        var catalogue = DispatchCatalogue.Create(
            new CataloguePublished(DispatchCatalogue.StreamId, 1, [Parking], "首版", Users.ClerkActor, Earlier));

        catalogue = catalogue.Apply(new CataloguePublished(DispatchCatalogue.StreamId, 2, [Noise], null, Users.AdminActor, Now));

        catalogue.Version.ShouldBe(2);
        catalogue.Entries.ShouldBe([Noise]);
        catalogue.Note.ShouldBeNull();
        catalogue.PublishedAt.ShouldBe(Now);
        catalogue.PublishedBy.ShouldBe(Users.AdminActor);
    }

    [Fact]
    public void a_category_is_found_by_its_id_and_an_unknown_one_is_not()
    {
        var catalogue = DispatchCatalogue.Create(
            new CataloguePublished(DispatchCatalogue.StreamId, 1, [Parking, Noise], null, Users.AdminActor, Earlier));

        catalogue.Find("noise").ShouldBe(Noise);
        catalogue.Find("littering").ShouldBeNull();
    }

    [Fact]
    public void a_catalogue_not_yet_published_is_404() =>
        CurrentCatalogueEndpoint.Validate(null).ShouldBeNotFound();

    [Fact]
    public void a_version_not_published_is_404() =>
        CatalogueVersionEndpoint.Validate(3, null).ShouldBeNotFound();
}
