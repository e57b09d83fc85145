using Shouldly;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Xunit;

namespace Whistle.UnitTests.County.Catalogue;

/// <summary>The catalogue's routing, as the whistle applies it and the lodging page previews it.</summary>
public sealed class DispatchRouteTests
{
    private static readonly DispatchCatalogue Catalogue = new()
    {
        Version = 3,
        Entries = [new CatalogueEntry("illegal-parking", "乱停乱放", "Illegal parking", "gongan", ["chengguan"], WhistleType.Routine)],
    };

    [Fact]
    public void a_category_in_the_catalogue_goes_to_its_lead_and_assisting_departments_with_its_whistle_type()
    {
        var route = DispatchRoute.Of(Catalogue, "illegal-parking");

        route.ShouldBe(new DispatchRoute(Catalogue.Entries[0], "gongan", ["chengguan"], WhistleType.Routine), new RouteComparer());
    }

    [Fact]
    public void the_whistlers_choices_replace_the_catalogues_line()
    {
        var route = DispatchRoute.Of(Catalogue, "illegal-parking", WhistleType.Emergency, "chengguan", []);

        route.Lead.ShouldBe("chengguan");
        route.CoHandling.ShouldBeEmpty();
        route.Type.ShouldBe(WhistleType.Emergency);
        route.Entry.ShouldBe(Catalogue.Entries[0]);
    }

    [Fact]
    public void a_category_outside_the_catalogue_has_no_lead_and_is_routine()
    {
        var route = DispatchRoute.Of(Catalogue, "unknown");

        route.Entry.ShouldBeNull();
        route.Lead.ShouldBeNull();
        route.CoHandling.ShouldBeEmpty();
        route.Type.ShouldBe(WhistleType.Routine);
    }

    private sealed class RouteComparer : IEqualityComparer<DispatchRoute>
    {
        public bool Equals(DispatchRoute? x, DispatchRoute? y) =>
            x!.Entry == y!.Entry && x.Lead == y.Lead && x.CoHandling.SequenceEqual(y.CoHandling) && x.Type == y.Type;

        public int GetHashCode(DispatchRoute obj) => obj.Lead?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
