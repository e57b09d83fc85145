using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Shouldly;
using Microsoft.Extensions.DependencyInjection;
using Whistle.History.Integrity;
using Whistle.Hosting.Simulation;
using Whistle.Kernel;
using Whistle.Simulation;

namespace Whistle.IntegrationTests.Simulation;

/// <summary>
/// The simulator against the real service: two weeks of a small county with many fee disputes, each run in a fresh
/// database of its own, through the service's endpoints and its deadline handlers on the simulated clock. The plan is
/// run three times at once (which also loads the machine): twice with its seed, once with another.
/// </summary>
public sealed partial class SimulationTests(SimulationTests.Runs runs) : IClassFixture<SimulationTests.Runs>
{
    private static readonly SimulationPlan Plan = new("simtest", new DateOnly(2026, 11, 13), 14, 7, 0.12, DisputeScale: 3);

    /// <summary>The plan simulated three times at once, each into a fresh database: the class's tests read these runs.</summary>
    public sealed class Runs : IAsyncLifetime
    {
        public Run First { get; private set; } = null!;
        public Run Second { get; private set; } = null!;
        public Run OtherSeed { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            var runs = await Task.WhenAll(
                Task.Run(() => SimulateIntoAFreshDatabase(Plan)),
                Task.Run(() => SimulateIntoAFreshDatabase(Plan)),
                Task.Run(() => SimulateIntoAFreshDatabase(Plan with { Seed = 8 })));
            (First, Second, OtherSeed) = (runs[0], runs[1], runs[2]);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// The same seed gives the same month, event for event: every event the county's streams hold, in the order the
    /// store appended them, with its type, user and data, ids replaced by the order of their first appearance (the
    /// service makes new ids from the wall clock and a random). The deadlines' messages included: each is played at
    /// its own simulated time, however busy the machine.
    /// </summary>
    [Fact]
    public void the_same_seed_gives_the_same_events_in_the_same_order()
    {
        runs.First.Events.Count.ShouldBeGreaterThan(500);
        runs.First.Events.ShouldContain(e => e.Contains(" reminder_sent system:clock ", StringComparison.Ordinal));
        runs.Second.Events.Count.ShouldBe(runs.First.Events.Count);
        // A resident's data is sealed under a key and nonce drawn at random each run: equal up to its ciphertext.
        for (var i = 0; i < runs.First.Events.Count; i++)
            Unsealed(runs.Second.Events[i]).ShouldBe(Unsealed(runs.First.Events[i]), $"event {i}");
    }

    /// <summary>
    /// Every event the generator appended — commands through the endpoints, deadlines played by the clock, messages
    /// cascaded from both, the county loaded before — is chained: the county's streams verify intact, event for event.
    /// </summary>
    private static string Unsealed(string e) => SealedValue().Replace(e, "pd1:…");

    [System.Text.RegularExpressions.GeneratedRegex("pd1:[A-Za-z0-9_-]+")]
    private static partial System.Text.RegularExpressions.Regex SealedValue();

    [Fact]
    public void every_stream_the_generated_fortnight_appended_verifies_intact()
    {
        runs.First.Chains.Broken.ShouldBeEmpty();
        runs.First.Chains.Events.ShouldBe(runs.First.Events.Count(e => !e.Contains(" tombstone ", StringComparison.Ordinal)));
        runs.First.Chains.Streams.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void another_seed_gives_another_month()
    {
        runs.OtherSeed.Summary.Errors.ShouldBe(0);
        runs.OtherSeed.Events.ShouldNotBe(runs.First.Events);
        runs.OtherSeed.Summary.EventsOf("complaint_lodged").ShouldNotBe(runs.First.Summary.EventsOf("complaint_lodged"));
    }

    [Fact]
    public void lodges_the_planned_complaints_and_plays_their_deadlines_through_the_handlers()
    {
        var run = runs.First;
        var seeded = Plan.StepRandom(0);
        var planned = Enumerable.Range(0, Plan.Days).Sum(d => CountyMix.ComplaintsOn(Plan.First.AddDays(d), Plan.Scale, seeded));

        run.Summary.Errors.ShouldBe(0);
        run.Summary.Acts.Keys.ShouldNotContain(k => k.StartsWith("refused: ", StringComparison.Ordinal));
        run.Summary.Acts["lodge complaint"].ShouldBe(planned);
        run.Summary.EventsOf("complaint_lodged").ShouldBe(planned);
        // A whistle is blown by a community, or dispatched by the joint meeting as a resolution's whistle.
        run.Summary.EventsOf("whistle_blown").ShouldBe(run.Summary.Acts.GetValueOrDefault("blow whistle") + run.Summary.EventsOf("resolution_dispatched"));
        // Every complaint accepted schedules its reminder; two simulated weeks pass reminders due within hours.
        run.Summary.Acts.GetValueOrDefault("time passed: ComplaintReminderDue").ShouldBeGreaterThan(0);
        run.Summary.ProjectionLag.ShouldBeLessThan(TimeSpan.FromMinutes(10));
    }

    /// <summary>
    /// Wolverine's store keeps, as scheduled, exactly the messages the simulator handed back (those due after the
    /// time played), none it played: the service started later runs no deadline twice.
    /// </summary>
    [Fact]
    public void the_store_keeps_scheduled_only_the_messages_handed_back()
    {
        runs.First.Summary.MessagesNotPlayed.ShouldBeGreaterThan(0);
        runs.First.StoredScheduled.ShouldBe(runs.First.Summary.MessagesNotPlayed);
    }

    /// <summary>
    /// Fee disputes come on working days only, as the plan's dispute scale says; those referred open mediation cases,
    /// which go through consent, acceptance, a mediator and a session to a signed agreement, with no refusal.
    /// The figures are this seed's (the same every run).
    /// </summary>
    [Fact]
    public void raises_the_planned_fee_disputes_and_takes_some_through_mediation_to_an_agreement()
    {
        var run = runs.First;
        var seeded = Plan.StepRandom(1);
        var planned = Enumerable.Range(0, Plan.Days).Sum(d => FeeDisputeScripts.DisputesOn(Plan.First.AddDays(d), Plan.FeeDisputeScale, seeded));

        planned.ShouldBeGreaterThan(0);
        run.Summary.EventsOf("fee_dispute_raised").ShouldBe(planned);
        run.Summary.Acts["raise fee dispute"].ShouldBe(planned);
        run.Summary.EventsOf("mediation_case_opened").ShouldBe(run.Summary.Acts["refer fee dispute to mediation"]);
        run.Summary.EventsOf("mediation_case_opened").ShouldBe(8);
        run.Summary.EventsOf("mediator_assigned").ShouldBe(8);
        run.Summary.EventsOf("mediation_session_held").ShouldBe(2);
        run.Summary.EventsOf("agreement_signed").ShouldBe(1);
        run.Summary.EventsOf("fee_dispute_mediation_ended").ShouldBe(1);
        run.Summary.Acts.Keys.ShouldNotContain(k => k.StartsWith("refused: ", StringComparison.Ordinal));
    }

    /// <summary>
    /// The fortnight holds the month's last Thursday (26 November): the office reads its worklist, convenes the meeting
    /// on the whistles at the county level, holds it and dispatches a resolution per item, each a whistle from the meeting.
    /// </summary>
    [Fact]
    public void holds_the_months_joint_meeting_on_the_whistles_at_the_county_level()
    {
        var run = runs.First;
        run.Summary.EventsOf("joint_meeting_convened").ShouldBe(1);
        run.Summary.EventsOf("joint_meeting_held").ShouldBe(1);
        run.Summary.EventsOf("agenda_item_proposed").ShouldBe(1);
        run.Summary.EventsOf("resolution_dispatched").ShouldBe(run.Summary.EventsOf("agenda_item_proposed"));
        run.Summary.EventsOf("whistle_taken_over_by_meeting").ShouldBe(run.Summary.EventsOf("agenda_item_proposed"));
        run.Summary.EventsOf("minutes_published").ShouldBe(1);
        run.Summary.EventsOf("whistler_rated").ShouldBe(18);
    }

    public sealed record Run(SimulationSummary Summary, IReadOnlyList<string> Events, long StoredScheduled, IntegrityReport Chains);

    /// <summary>Simulates the plan into a database of its own; answers the summary and the county's events, ids normalised.</summary>
    private static async Task<Run> SimulateIntoAFreshDatabase(SimulationPlan plan)
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__Whistle"));
        var name = "whistle_sim_" + Guid.NewGuid().ToString("N")[..12];
        await Execute(server, $"create database {name}");
        try
        {
            var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
            await using var service = await SimulationHost.StartAsync(database, "samples/county/county.json", plan.Start, CancellationToken.None);
            using var simulator = new Simulator(service, plan);
            await simulator.County.LoadIntoAsync(service.App.Services, plan.County, plan.Start.AddDays(-1), CancellationToken.None);
            var summary = await simulator.RunAsync(plan.End, CancellationToken.None);
            await simulator.HandBackAsync();
            var chains = await service.App.Services.GetRequiredService<StreamVerifier>().VerifyAllAsync(plan.County, null, CancellationToken.None);
            return new Run(summary, await NormalisedEvents(database, plan.County), await StoredScheduledMessages(database), chains);
        }
        finally
        {
            await Execute(server, $"drop database if exists {name} with (force)");
        }
    }

    /// <summary>
    /// Each event of the county, in the store's order, as "stream/version type user data", every id (with or without
    /// dashes) replaced by the order of its first appearance.
    /// </summary>
    private static async Task<IReadOnlyList<string>> NormalisedEvents(string database, string county)
    {
        var ids = new Dictionary<Guid, string>();
        string Normalise(string text) => AnyId().Replace(text, m =>
        {
            var id = Guid.Parse(m.Value);
            return ids.TryGetValue(id, out var n) ? n : ids[id] = "#" + ids.Count.ToString(CultureInfo.InvariantCulture);
        });
        await using var source = NpgsqlDataSource.Create(database);
        await using var command = source.CreateCommand(
            $"select stream_id::text, version, type, coalesce(user_name, ''), data::text from {WhistleSchema.Name}.mt_events where tenant_id = $1 order by seq_id");
        command.Parameters.Add(new NpgsqlParameter { Value = county });
        var events = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            events.Add($"{Normalise(reader.GetString(0))}/{reader.GetInt64(1)} {reader.GetString(2)} {reader.GetString(3)} {Normalise(reader.GetString(4))}");
        return events;
    }

    private static async Task<long> StoredScheduledMessages(string database)
    {
        await using var source = NpgsqlDataSource.Create(database);
        await using var command = source.CreateCommand(
            $"select count(*) from {WhistleSchema.Name}.wolverine_incoming_envelopes where status = 'Scheduled'");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex AnyId();

    private static async Task Execute(NpgsqlConnectionStringBuilder server, string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
