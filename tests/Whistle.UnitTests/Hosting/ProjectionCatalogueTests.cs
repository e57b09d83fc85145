using JasperFx.Events.Projections;
using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Territories;
using Whistle.Complaints;
using Whistle.Hosting.Projections;
using Whistle.Whistles;
using Xunit;

namespace Whistle.UnitTests.Hosting;

public sealed class ProjectionCatalogueTests
{
    private static readonly ProjectionEntry Territory = new("TerritoryCase", ProjectionLifecycle.Async, [typeof(TerritoryCase)]);
    private static readonly ProjectionEntry Department = new("ScoredAssignment", ProjectionLifecycle.Async, [typeof(ScoredAssignment)]);
    private static readonly ProjectionEntry Complaints = new("ComplaintDetails", ProjectionLifecycle.Inline, [typeof(ComplaintDetails)]);
    private static readonly ProjectionEntry Whistles = new("WhistleDetails", ProjectionLifecycle.Inline, [typeof(WhistleDetails)]);
    private static readonly ProjectionEntry Unrelated = new("Other", ProjectionLifecycle.Async, [typeof(string)]);

    // Listed readers first, as a registration order could put them.
    private static readonly ProjectionCatalogue Catalogue = new([Territory, Department, Unrelated, Complaints, Whistles]);

    [Fact]
    public void rebuilding_what_a_scorecard_reads_rebuilds_the_scorecard_after_it()
    {
        Catalogue.RebuildOrder("WhistleDetails").ShouldBe([Whistles, Territory]);
    }

    [Fact]
    public void rebuilding_a_scorecard_rebuilds_it_alone_its_inputs_being_kept_with_the_events()
    {
        Catalogue.RebuildOrder("ScoredAssignment").ShouldBe([Department]);
        Catalogue.RebuildOrder("ComplaintDetails").ShouldBe([Complaints]);   // the territories' cases route by the events' complaint ids
        Catalogue.RebuildOrder("Other").ShouldBe([Unrelated]);
    }

    [Fact]
    public void a_full_rebuild_puts_every_projection_after_the_projections_it_reads()
    {
        var order = Catalogue.FullRebuildOrder().ToList();

        order.Count.ShouldBe(5);
        order.IndexOf(Territory).ShouldBeGreaterThan(order.IndexOf(Whistles));
    }

    [Fact]
    public void an_unknown_name_rebuilds_nothing_and_the_names_are_listed_in_order()
    {
        Catalogue.RebuildOrder("Nope").ShouldBeEmpty();
        Catalogue.Names.ShouldBe(["ComplaintDetails", "Other", "ScoredAssignment", "TerritoryCase", "WhistleDetails"]);
    }

    [Fact]
    public void the_scorecards_read_the_inline_documents_they_load_while_grouping()
    {
        Catalogue.ReadsFrom(Department).ShouldBeEmpty();
        Catalogue.ReadsFrom(Territory).ShouldBe([Whistles]);
    }
}
