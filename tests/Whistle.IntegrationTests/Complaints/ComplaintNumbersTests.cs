using Shouldly;
using Whistle.Complaints;

namespace Whistle.IntegrationTests.Complaints;

[Collection(SharedClock.Name)]
public sealed class ComplaintNumbersTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task concurrent_lodgings_get_consecutive_numbers_without_duplicates()
    {
        var county = await App.NewCountyAsync();

        var lodgings = Enumerable.Range(0, 20).Select(async _ =>
        {
            var result = await Post(Tokens.Clerk, "/api/complaints", NewComplaint(), 201, county);
            return (await result.ReadAsJsonAsync<LodgedComplaint>())!.Number;
        });
        var numbers = await Task.WhenAll(lodgings);

        var year = App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        numbers.Order().ShouldBe(Enumerable.Range(1, 20).Select(n => $"TS-{year}-{n:D6}"));
    }

    [Fact]
    public async Task each_county_counts_from_one()
    {
        var first = await App.NewCountyAsync();
        var second = await App.NewCountyAsync();

        (await Lodge(county: first)).Number.ShouldEndWith("-000001");
        (await Lodge(county: first)).Number.ShouldEndWith("-000002");
        (await Lodge(county: second)).Number.ShouldEndWith("-000001");
    }
}
