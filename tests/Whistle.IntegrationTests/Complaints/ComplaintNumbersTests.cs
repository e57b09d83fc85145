using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;

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

    [Fact]
    public async Task a_number_is_drawn_without_waiting_for_an_open_case_transaction_and_a_failed_lodging_leaves_a_gap()
    {
        var county = await App.NewCountyAsync();
        var year = App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;

        // A lodging that drew its number and is still inside its transaction (holding whatever it holds)…
        await using (var failing = App.Store.LightweightSession(county))
        {
            await failing.BeginTransactionAsync(TestContext.Current.CancellationToken);
            (await CaseNumbers.NextAsync(failing, CaseNumbers.Complaints, year, TestContext.Current.CancellationToken))
                .ShouldBe($"TS-{year}-000001");

            // …does not hold the next lodging up: this one commits while the first is still open.
            (await Lodge(county: county).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Number.ShouldBe($"TS-{year}-000002");
        }   // disposed without committing: that lodging failed

        // Its number is not given back: the year's numbers skip it, and none is given twice.
        (await Lodge(county: county)).Number.ShouldBe($"TS-{year}-000003");
    }
}
