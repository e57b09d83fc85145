using Alba;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Shouldly;
using Whistle.County.Calendar;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Whistles;

/// <summary>
/// The deadline guarantees with real durable scheduling: each test runs its own Whistle hosts on a database of its
/// own, with a clock set back so that a one-minute sign-for deadline falls a few seconds from the wall clock's now.
/// The tests wait for Wolverine to execute the scheduled message (a tracked session), never by sleeping.
/// </summary>
public sealed class DeadlineDurabilityTests
{
    /// <summary>How far ahead of the wall clock the one-minute deadline falls: long enough to stop a host first.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task a_deadline_scheduled_before_the_service_stops_fires_once_after_it_starts_again()
    {
        var database = await TestDatabases.FreshAsync("whistle_tests_restart");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));

        Guid whistle;
        await using (var before = await StartHost(database, clock, DurabilityMode.Solo))
        {
            whistle = await BlowWithOneMinuteSignFor(before, clock);
        }
        // Business time moves on; the escalation's renewed due time then lies an hour away, out of this test.
        clock.Advance(TimeSpan.FromHours(1));

        await using var after = await StartHost(database, clock, DurabilityMode.Solo);
        var tracked = await after.TrackActivity().Timeout(TimeSpan.FromSeconds(90))
            .WaitForExecutionOf<WhistleDeadlineReached>()
            .ExecuteAndWaitAsync((IMessageContext _) => Task.CompletedTask);

        tracked.Executed.MessagesOf<WhistleDeadlineReached>().ShouldHaveSingleItem().Kind.ShouldBe(DeadlineKind.SignFor);
        var events = await EventsOf(after, whistle);
        events.Count(e => e.Data is AssignmentOverdue).ShouldBe(1);
        events.Single(e => e.Data is WhistleEscalated).Data.ShouldBeOfType<WhistleEscalated>().To.ShouldBe(WhistleLevel.SubDistrict);
    }

    [Fact]
    public async Task two_hosts_on_one_database_escalate_each_due_deadline_exactly_once()
    {
        var database = await TestDatabases.FreshAsync("whistle_tests_nodes");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        await using var first = await StartHost(database, clock, DurabilityMode.Balanced);
        await using var second = await StartHost(database, clock, DurabilityMode.Balanced);

        var whistle = await BlowWithOneMinuteSignFor(first, clock);
        clock.Advance(TimeSpan.FromHours(1));
        var tracked = await first.TrackActivity().AlsoTrack(second).Timeout(TimeSpan.FromSeconds(90))
            .WaitForExecutionOf<WhistleDeadlineReached>()
            .ExecuteAndWaitAsync((IMessageContext _) => Task.CompletedTask);

        // The same deadline delivered again (a redelivery, a second node) finds it no longer current.
        var deadline = tracked.Executed.MessagesOf<WhistleDeadlineReached>().ShouldHaveSingleItem();
        await second.ExecuteAndWaitAsync(bus => bus.InvokeForTenantAsync(AppFixture.County, deadline), 30_000);

        var events = await EventsOf(second, whistle);
        events.Count(e => e.Data is AssignmentOverdue).ShouldBe(1);
        events.Count(e => e.Data is WhistleEscalated).ShouldBe(1);
    }

    [Fact]
    public async Task two_hosts_each_handling_one_of_two_departments_missing_one_due_time_raise_the_whistle_one_level()
    {
        var database = await TestDatabases.FreshAsync("whistle_tests_round");
        // Business time runs a day ahead of the wall clock, so the scheduler holds these deadlines: the test
        // delivers them itself, one to each host at the same moment, as two nodes would pick them up.
        var ahead = () => DateTimeOffset.UtcNow.AddDays(1);
        var clock = new FakeTimeProvider(ahead());
        await using var first = await StartHost(database, clock, DurabilityMode.Balanced);
        await using var second = await StartHost(database, clock, DurabilityMode.Balanced);
        var whistle = await BlowWithOneMinuteSignFor(first, clock, ahead, coHandling: ["chengguan"]);
        var blown = (WhistleBlown)(await EventsOf(first, whistle))[0].Data;
        var round = blown.Assignments
            .Select(a => new WhistleDeadlineReached(whistle, a.Department, DeadlineKind.SignFor, a.Deadlines.SignForDue)).ToList();
        round.Select(m => m.DueAt).Distinct().ShouldHaveSingleItem();
        clock.Advance(TimeSpan.FromMinutes(2));

        async Task OneToEachHost(IMessageContext bus)
        {
            var tenant = new DeliveryOptions { TenantId = AppFixture.County };
            using var onSecond = second.Services.CreateScope();
            await Task.WhenAll(
                bus.PublishAsync(round[0], tenant).AsTask(),
                onSecond.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(round[1], tenant).AsTask());
        }
        await first.TrackActivity().AlsoTrack(second).Timeout(TimeSpan.FromSeconds(90)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync(OneToEachHost);

        var events = (await EventsOf(second, whistle)).Select(e => e.Data).ToList();
        events.OfType<AssignmentOverdue>().Select(e => e.Department).ShouldBe(["gongan", "chengguan"], ignoreOrder: true);
        events.OfType<WhistleEscalated>().ShouldHaveSingleItem().To.ShouldBe(WhistleLevel.SubDistrict);
        events.OfType<AssignmentDeadlinesRenewed>().ShouldHaveSingleItem().Level.ShouldBe(WhistleLevel.SubDistrict);
    }

    [Fact]
    public async Task a_complaint_s_deadline_fires_from_the_durable_schedule_and_marks_it_overdue_once()
    {
        var database = await TestDatabases.FreshAsync("whistle_tests_complaint");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        await using var host = await StartHost(database, clock, DurabilityMode.Solo);
        // An emergency is to be accepted within an hour: lodged now, its due time falls Lead from the wall clock's now.
        clock.SetUtcNow(DateTimeOffset.UtcNow - TimeSpan.FromHours(1) + Lead);

        async Task Lodge(IMessageContext _)
        {
            await Send(host, Tokens.Clerk, x => x.Post.Json(new LodgeComplaint(
                ComplaintChannel.Hotline, "utilities", "CP010101", new ComplainantInput("张三", "13812345678", null), "整栋楼停水",
                ComplaintUrgency.Emergency), JsonStyle.MinimalApi).ToUrl("/api/complaints"), 201);
            clock.Advance(TimeSpan.FromHours(1));   // business time then passes with the wall clock's
        }
        var tracked = await host.TrackActivity().Timeout(TimeSpan.FromSeconds(90))
            .WaitForExecutionOf<ComplaintDeadlineReached>()
            .ExecuteAndWaitAsync(Lodge);

        var deadline = tracked.Executed.MessagesOf<ComplaintDeadlineReached>().ShouldHaveSingleItem();
        deadline.Step.ShouldBe(ComplaintStep.Accept);
        var events = await EventsOf(host, deadline.ComplaintId);
        events.Count(e => e.Data is ComplaintOverdue).ShouldBe(1);
        await host.ExecuteAndWaitAsync(bus => bus.InvokeForTenantAsync(AppFixture.County, deadline), 30_000);
        (await EventsOf(host, deadline.ComplaintId)).Count(e => e.Data is ComplaintOverdue).ShouldBe(1);
    }

    /// <summary>
    /// Blows a whistle whose one-minute sign-for deadline falls <see cref="Lead"/> from the wall clock's now: the
    /// business clock is set back just before the whistle is blown (or set to <paramref name="blownAt"/>).
    /// </summary>
    private static async Task<Guid> BlowWithOneMinuteSignFor(
        IAlbaHost host, FakeTimeProvider clock, Func<DateTimeOffset>? blownAt = null, IReadOnlyList<string>? coHandling = null)
    {
        var minutes = (int n) => new IntervalInput(n, IntervalUnit.Minutes, IntervalBasis.Calendar);
        await Send(host, Tokens.Admin, x => x.Put.Json(new PublishDeadlinePolicy(
        [
            new(WhistleType.Emergency, minutes(1), minutes(30), 0.75),
            new(WhistleType.Routine, minutes(1), minutes(30), 0.75),
            new(WhistleType.Tough, minutes(1), minutes(30), 0.75),
        ], "一分钟签收 One-minute sign-for"), JsonStyle.MinimalApi).ToUrl("/api/deadline-policy"));
        var lodged = await (await Send(host, Tokens.Community, x => x.Post.Json(new LodgeComplaint(
            ComplaintChannel.Hotline, "illegal-parking", "CP010101", new ComplainantInput("张三", "13812345678", null), "消防通道被占"),
            JsonStyle.MinimalApi).ToUrl("/api/complaints"), 201)).ReadAsJsonAsync<LodgedComplaint>();
        await Send(host, Tokens.Community, x => x.Post.Json(new { }, JsonStyle.MinimalApi).ToUrl($"/api/complaints/{lodged!.Id}/accept"));
        clock.SetUtcNow(blownAt?.Invoke() ?? DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1) + Lead);
        var blown = await Send(host, Tokens.Community, x => x.Post.Json(
            new BlowWhistle("请公安到场", Lead: "gongan", CoHandling: coHandling ?? [], DepartureReason: "城管已在现场"), JsonStyle.MinimalApi)
            .ToUrl($"/api/complaints/{lodged!.Id}/whistle"), 201);
        return (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
    }

    private static Task<IScenarioResult> Send(IAlbaHost host, Tokens.User user, Action<Scenario> scenario, int status = 200) =>
        host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(user));
            scenario(x);
            x.StatusCodeShouldBe(status);
        });

    private static async Task<IReadOnlyList<IEvent>> EventsOf(IAlbaHost host, Guid stream)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(AppFixture.County);
        return await session.Events.FetchStreamAsync(stream);
    }

    private static Task<IAlbaHost> StartHost(string connectionString, TimeProvider clock, DurabilityMode mode) =>
        AlbaHost.For<Program>(x => x.ConfigureServices(services =>
        {
            services.AddSingleton(clock);
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.ConfigureMarten(opts => opts.Connection(connectionString));
            services.ConfigureWolverine(opts =>
            {
                opts.Durability.Mode = mode;
                opts.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
                opts.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(500);
            });
            services.DisableAllExternalWolverineTransports();
        }));
}
