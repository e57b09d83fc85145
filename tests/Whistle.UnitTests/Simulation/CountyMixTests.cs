using Shouldly;
using Whistle.Complaints;
using Whistle.County.Catalogue;
using Whistle.Simulation;
using Xunit;

namespace Whistle.UnitTests.Simulation;

public class CountyMixTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2), Saturday = new(2026, 11, 7);

    [Fact]
    public void the_same_seed_draws_the_same_volumes()
    {
        var days = Enumerable.Range(0, 30).Select(d => Monday.AddDays(d)).ToList();
        var first = new Random(42);
        var second = new Random(42);
        days.Select(d => CountyMix.ComplaintsOn(d, 1, first)).ShouldBe(days.Select(d => CountyMix.ComplaintsOn(d, 1, second)));
    }

    [Fact]
    public void a_working_day_brings_the_mean_within_thirty_percent_and_a_weekend_fewer()
    {
        var random = new Random(1);
        for (var i = 0; i < 500; i++)
        {
            CountyMix.ComplaintsOn(Monday, 1, random).ShouldBeInRange(28, 52);
            CountyMix.ComplaintsOn(Saturday, 1, random).ShouldBeInRange(15, 29);
        }
    }

    [Fact]
    public void the_scale_multiplies_the_day_s_volume()
    {
        var once = CountyMix.ComplaintsOn(Monday, 1, new Random(5));
        CountyMix.ComplaintsOn(Monday, 10, new Random(5)).ShouldBe(once * 10);
        CountyMix.ComplaintsOn(Monday, 0.5, new Random(5)).ShouldBe((int)Math.Round(once * 0.5));
    }

    [Fact]
    public void every_category_of_the_catalogue_and_every_channel_is_in_the_mix()
    {
        CountyMix.Categories.Select(c => c.Category).Order().ShouldBe(DefaultCatalogue.Entries.Select(e => e.CategoryId).Order());
        CountyMix.Channels.Select(c => c.Channel).Order().ShouldBe(Enum.GetValues<ComplaintChannel>().Order());
    }

    [Fact]
    public void categories_are_drawn_in_proportion_to_their_weights()
    {
        var random = new Random(3);
        const int draws = 20_000;
        var counts = Enumerable.Range(0, draws).Select(_ => random.Pick(CountyMix.Categories)).CountBy(c => c).ToDictionary();
        var total = CountyMix.Categories.Sum(c => c.Weight);
        foreach (var (category, weight) in CountyMix.Categories)
            ((double)counts[category] / draws).ShouldBe((double)weight / total, 0.01, category);
    }

    [Fact]
    public void a_case_s_random_depends_on_the_seed_and_its_place_only()
    {
        CountyMix.ForCase(42, 7).Next().ShouldBe(CountyMix.ForCase(42, 7).Next());
        CountyMix.ForCase(42, 7).Next().ShouldNotBe(CountyMix.ForCase(42, 8).Next());
        CountyMix.ForCase(42, 7).Next().ShouldNotBe(CountyMix.ForCase(43, 7).Next());
    }

    [Fact]
    public void complaints_arrive_mostly_in_office_hours()
    {
        var random = new Random(11);
        var times = Enumerable.Range(0, 5_000).Select(_ => CountyMix.TimeOfDay(random)).ToList();
        times.ShouldAllBe(t => t >= TimeSpan.Zero && t <= TimeSpan.FromHours(22));
        ((double)times.Count(t => t >= TimeSpan.FromHours(8) && t <= TimeSpan.FromHours(18)) / times.Count).ShouldBe(0.8, 0.03);
    }
}

public class FeeDisputeScriptsTests
{
    [Fact]
    public void fee_disputes_are_filed_on_working_days_only_up_to_two_a_day_times_the_scale()
    {
        var random = new Random(9);
        var saturday = new DateOnly(2026, 11, 7);
        var monday = new DateOnly(2026, 11, 9);
        for (var i = 0; i < 200; i++)
        {
            FeeDisputeScripts.DisputesOn(saturday, 1, random).ShouldBe(0);
            FeeDisputeScripts.DisputesOn(monday, 1, random).ShouldBeInRange(0, 2);
            FeeDisputeScripts.DisputesOn(monday, 10, random).ShouldBeOneOf(0, 10, 20);
        }
    }
}
