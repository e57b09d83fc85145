using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marten.Events;
using Npgsql;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Tracking;

namespace Whistle.Simulation;

/// <summary>
/// What to simulate: a county, its first day, how many days, the seed and the scale (1 = the sample county's size).
/// <paramref name="DisputeScale"/>, when given, scales the fee disputes apart from the complaints (a test can then see
/// disputes through mediation without a month of complaints).
/// </summary>
public sealed record SimulationPlan(string County, DateOnly First, int Days, int Seed, double Scale, double? DisputeScale = null)
{
    /// <summary>The scale of the fee disputes: <see cref="DisputeScale"/>, or the plan's scale.</summary>
    public double FeeDisputeScale => DisputeScale ?? Scale;

    /// <summary>The county's local time (China Standard Time, no daylight saving).</summary>
    public static readonly TimeSpan CountyOffset = TimeSpan.FromHours(8);

    public DateTimeOffset Start => new(First.ToDateTime(TimeOnly.MinValue), CountyOffset);
    public DateTimeOffset End => Start.AddDays(Days);

    /// <summary>The seeded random of the run's <paramref name="step"/>th daily step.</summary>
    public Random StepRandom(int step) => new(unchecked(Seed * 31 + step));
}

/// <summary>An answer of the service to one of the simulator's calls.</summary>
public sealed record Answer(int Status, JsonElement Body)
{
    public bool Ok => Status is >= 200 and < 300;
    public Guid Id(string property) => Body.GetProperty(property).GetGuid();
}

/// <summary>
/// Runs a simulated period against a running service. One agenda, ordered by simulated time (ties by the order the
/// items were put on it), holds both the people's acts (each case's script) and the scheduled messages. Each item runs
/// with the clock moved to its time, inside a Wolverine tracked session that waits for everything the item set off;
/// the messages that session scheduled (and any the <see cref="DeadlineGate"/> held back) are on the agenda before the
/// next item runs, taken once each, by envelope id. Wolverine's own scheduled-job poller is off in the simulator's
/// host: it ran by the wall clock and handed messages over during whichever item it overlapped, so a deadline could
/// run late, differently from run to run. Items run one at a time: the same seed gives the same calls in the same order. People stop acting when
/// the period ends; scheduled messages keep falling due, and are played up to the time the caller names.
/// </summary>
public sealed class Simulator : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SimulatedService _service;
    private readonly HttpClient _http;
    private readonly PriorityQueue<AgendaItem, (long Ticks, long Order)> _agenda = new();
    private readonly IProgress<SimulationProgress>? _progress;
    private long _order;
    private int _caseNumber;
    private readonly List<DueMessage> _left = [];
    private readonly HashSet<Guid> _taken = [];

    public Simulator(SimulatedService service, SimulationPlan plan, IProgress<SimulationProgress>? progress = null)
    {
        _service = service;
        _http = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromMinutes(2) };
        _progress = progress;
        Plan = plan;
        County = CountyDirectory.Of(service.App.Services);
        DailySteps =
        [
            (day, random) => ComplaintScripts.Plan(this, day, random),
            (day, random) => FeeDisputeScripts.Plan(this, day, random),
            (day, random) => MeetingScripts.Plan(this, day, random),
        ];
    }

    public SimulationPlan Plan { get; }
    public CountyDirectory County { get; }
    public SimulationTally Tally { get; } = new();

    /// <summary>Every case id the service answered with, in the order they were received (the same for the same seed).</summary>
    public List<Guid> Ids { get; } = [];

    /// <summary>
    /// The steps that put each day's work on the agenda, in order, each drawing from its own seeded random
    /// (<see cref="SimulationPlan.StepRandom"/>), so that a step added later shifts no other step's draws. Complaints
    /// (and the whistles that grow from them) are the first, fee disputes (and their mediation) the second, the office's
    /// monthly joint meeting (<see cref="MeetingScripts"/>) the third.
    /// </summary>
    public List<Action<DateOnly, Random>> DailySteps { get; }

    public void Dispose() => _http.Dispose();

    /// <summary>The simulated time.</summary>
    public DateTimeOffset Now => _service.Clock.GetUtcNow();

    /// <summary>The next case's place in the run: with the seed, it seeds the case's own random.</summary>
    public int NextCaseNumber() => ++_caseNumber;

    /// <summary>Puts a person's act on the agenda at a simulated time.</summary>
    public void At(DateTimeOffset when, Func<Task> act) => _agenda.Enqueue(new AgendaItem(_ => act(), null), (when.UtcTicks, _order++));

    /// <summary>Calls the service as <paramref name="user"/>; a refusal (4xx) is counted, a server error counted and shown.</summary>
    public async Task<Answer> Call(SimUser user, string action, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), Json), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _service.Users.TokenFor(user, Plan.County));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var answer = new Answer((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
        Tally.Count(answer.Ok ? action : answer.Status >= 500 ? "error: " + action : "refused: " + action);
        if (answer.Status >= 500) await Console.Error.WriteLineAsync($"{action} {url}: {answer.Status} {text}");
        return answer;
    }

    /// <summary>
    /// Reads what the service shows <paramref name="user"/> (a GET), after the async daemon has caught up with every
    /// event so far: a read model read mid-run would otherwise depend on how fast the daemon was, and the same seed
    /// would not give the same month.
    /// </summary>
    public async Task<Answer> Read(SimUser user, string action, string url)
    {
        await _service.App.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _service.Users.TokenFor(user, Plan.County));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var answer = new Answer((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
        Tally.Count(answer.Ok ? action : answer.Status >= 500 ? "error: " + action : "refused: " + action);
        return answer;
    }

    /// <summary>Plays the period, then the held messages due up to <paramref name="playUntil"/>; answers the summary.</summary>
    public async Task<SimulationSummary> RunAsync(DateTimeOffset playUntil, CancellationToken ct)
    {
        // Some decisions read what the async daemon projects (the county's directory and staff, loaded just before):
        // the run starts from a caught-up daemon, or the first acts would depend on how fast it was.
        await _service.App.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(5));
        var watch = Stopwatch.StartNew();
        var firstSequence = await LastSequenceAsync(ct);
        var randoms = DailySteps.Select((_, i) => Plan.StepRandom(i)).ToList();
        for (var d = 0; d < Plan.Days; d++)
            for (var s = 0; s < DailySteps.Count; s++) DailySteps[s](Plan.First.AddDays(d), randoms[s]);

        var daysDone = 0;
        var actsDropped = 0;
        while (_agenda.TryDequeue(out var item, out var key))
        {
            ct.ThrowIfCancellationRequested();
            var when = new DateTimeOffset(key.Ticks, TimeSpan.Zero);
            if (when >= Plan.End && (!item.IsClock || when > playUntil))
            {
                if (item.IsClock) _left.Add(item.Due!); else actsDropped++;
                continue;
            }
            _service.Clock.MoveTo(when);
            var day = Math.Min(Plan.Days, (int)((when - Plan.Start).TotalDays));
            if (day > daysDone)
            {
                daysDone = day;
                _progress?.Report(new SimulationProgress(daysDone, Plan.Days, await LastSequenceAsync(ct) - firstSequence, watch.Elapsed));
            }
            var session = await _service.App.TrackActivity().Timeout(TimeSpan.FromMinutes(2)).DoNotAssertOnExceptionsDetected()
                .ExecuteAndWaitAsync((IMessageContext context) => item.Run(context));
            // What the item scheduled, from the session that ran it (never from Wolverine's poller, which runs by the
            // wall clock and would hand a message to the gate during whichever later item it happened to overlap).
            var scheduled = session.Scheduled.Envelopes().Select(DueMessage.Of).OfType<DueMessage>();
            foreach (var due in scheduled.Concat(_service.Gate.Drain()).Where(m => _taken.Add(m.EnvelopeId))
                         .OrderBy(m => m.DueAt).ThenBy(m => m.Message.GetType().Name)
                         .ThenBy(m => JsonSerializer.Serialize(m.Message, m.Message.GetType(), Json), StringComparer.Ordinal))
                _agenda.Enqueue(new AgendaItem(context => Play(context, due), due), (due.DueAt.UtcTicks, _order++));
        }
        await ForgetStoredAsync(ct);
        _progress?.Report(new SimulationProgress(Plan.Days, Plan.Days, await LastSequenceAsync(ct) - firstSequence, watch.Elapsed));

        var commandsDone = watch.Elapsed;
        var lag = Stopwatch.StartNew();
        await _service.App.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(10));
        var projectionLag = lag.Elapsed;
        return new SimulationSummary(Plan, Tally.Snapshot(), await EventCountsAsync(firstSequence, ct), commandsDone, projectionLag,
            actsDropped, _left.Count);
    }

    /// <summary>
    /// Hands the scheduled messages due after the time played back to Wolverine's durable scheduler, at their own
    /// times, for the service to run when they fall due by the wall clock.
    /// </summary>
    public async Task HandBackAsync()
    {
        foreach (var due in _left)
            await _service.App.TrackActivity().Timeout(TimeSpan.FromMinutes(2)).DoNotAssertOnExceptionsDetected()
                .ExecuteAndWaitAsync((IMessageContext context) =>
                    context.ScheduleAsync(due.Message, due.DueAt, new DeliveryOptions { TenantId = due.TenantId }).AsTask());
        _left.Clear();
    }

    private async Task Play(IMessageContext context, DueMessage due)
    {
        try
        {
            await context.InvokeForTenantAsync(due.TenantId, due.Message);
            Tally.Count("time passed: " + due.Message.GetType().Name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Tally.Count("error: " + due.Message.GetType().Name);
            await Console.Error.WriteLineAsync($"{due.Message.GetType().Name} at {due.DueAt:u}: {e.Message}");
        }
    }

    /// <summary>
    /// Deletes Wolverine's stored copies of the scheduled messages the simulator took: it played them, or hands them
    /// back anew (<see cref="HandBackAsync"/>), so the service started later must not run them again.
    /// </summary>
    private async Task ForgetStoredAsync(CancellationToken ct)
    {
        await using var command = _service.App.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand($"delete from {WhistleSchema.Name}.wolverine_incoming_envelopes where id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = _taken.ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<long> LastSequenceAsync(CancellationToken ct)
    {
        await using var command = _service.App.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand($"select coalesce(max(seq_id), 0) from {WhistleSchema.Name}.mt_events");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The events the run appended to the county, by type.</summary>
    private async Task<IReadOnlyDictionary<string, long>> EventCountsAsync(long after, CancellationToken ct)
    {
        await using var command = _service.App.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"select type, count(*) from {WhistleSchema.Name}.mt_events where seq_id > $1 and tenant_id = $2 group by type");
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = Plan.County });
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>A person's act, or a scheduled message (<see cref="Due"/>) the clock has reached.</summary>
    private sealed record AgendaItem(Func<IMessageContext, Task> Run, DueMessage? Due)
    {
        public bool IsClock => Due is not null;
    }
}
