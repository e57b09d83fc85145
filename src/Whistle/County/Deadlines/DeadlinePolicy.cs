using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Calendar;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Deadlines;

/// <summary>The deadlines of one whistle type: to sign for (签收), to reply (反馈), and when the reminder (催办) goes out.</summary>
public sealed record DeadlineRule(WhistleType WhistleType, Interval SignFor, Interval Reply, double ReminderAt);

/// <summary>A new version of the county's deadline policy: all rules as they are from now on.</summary>
/// <remarks><paramref name="Complaints"/>: the complaints' time limits; null (events published before they existed)
/// means <see cref="ComplaintLimits.Default"/>.</remarks>
public sealed record DeadlinePolicyPublished(
    Guid PolicyId, int Version, IReadOnlyList<DeadlineRule> Rules, string? Note, Actor By, DateTimeOffset At,
    ComplaintLimits? Complaints = null);

/// <summary>The events of the deadline policy's stream, as the event store registers them.</summary>
public static class DeadlinePolicyEvents
{
    public static readonly IReadOnlyList<Type> All = [typeof(DeadlinePolicyPublished)];
}

/// <summary>
/// The deadline policy in force. Version 0 is the built-in default (DESIGN section 4): emergency — sign for in
/// 30 minutes, reply in 24 hours; routine — 24 hours and 7 working days; tough — 24 hours and 15 working days;
/// reminders at 75% of each interval. Every due time records the policy version it was computed under.
/// </summary>
public sealed record DeadlinePolicy
{
    public static readonly Guid StreamId = Directory.DirectoryIds.For("policy", "deadlines");

    public static DeadlinePolicy Default { get; } = new()
    {
        Id = StreamId,
        Version = 0,
        Note = "内置默认时限 Built-in default",
        Rules =
        [
            new(WhistleType.Emergency, Interval.CalendarMinutes(30), Interval.CalendarHours(24), 0.75),
            new(WhistleType.Routine, Interval.CalendarHours(24), Interval.WorkingDays(7), 0.75),
            new(WhistleType.Tough, Interval.CalendarHours(24), Interval.WorkingDays(15), 0.75),
        ],
    };

    public Guid Id { get; init; }
    public int Version { get; init; }
    public IReadOnlyList<DeadlineRule> Rules { get; init; } = [];
    public string? Note { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public Actor? PublishedBy { get; init; }

    /// <summary>The complaints' time limits (受理、办结、回访): <see cref="ComplaintLimits.Default"/> until a version gives its own.</summary>
    public ComplaintLimits Complaints { get; init; } = ComplaintLimits.Default;

    public DeadlineRule Rule(WhistleType type) => Rules.Single(r => r.WhistleType == type);

    public static DeadlinePolicy Create(DeadlinePolicyPublished e) => new DeadlinePolicy { Id = e.PolicyId }.Apply(e);

    public DeadlinePolicy Apply(DeadlinePolicyPublished e) =>
        this with { Version = e.Version, Rules = e.Rules, Note = e.Note, PublishedAt = e.At, PublishedBy = e.By,
            Complaints = e.Complaints ?? ComplaintLimits.Default };

    public static async Task<DeadlinePolicy> CurrentAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<DeadlinePolicy>(StreamId, ct) ?? Default;
}

public static class CurrentDeadlinePolicyEndpoint
{
    /// <summary>The deadline policy in force (version 0 until the county publishes its own).</summary>
    [WolverineGet("/api/deadline-policy", OperationId = "GetDeadlinePolicy")]
    public static Task<DeadlinePolicy> Get(IQuerySession session, CancellationToken ct) => DeadlinePolicy.CurrentAsync(session, ct);
}

public static class DeadlinePolicyVersionEndpoint
{
    public static async Task<DeadlinePolicyPublished?> LoadAsync(int version, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(DeadlinePolicy.StreamId, version: version, token: ct);
        return events.Count == version ? events[^1].Data as DeadlinePolicyPublished : null;
    }

    public static ProblemDetails Validate(int version, DeadlinePolicyPublished? published) =>
        published is null
            ? Problems.NotFound($"时限规则没有第 {version} 版。", $"The deadline policy has no version {version}.")
            : Problems.None;

    [WolverineGet("/api/deadline-policy/versions/{version}", OperationId = "GetDeadlinePolicyVersion")]
    public static DeadlinePolicyPublished Get(DeadlinePolicyPublished published) => published;
}
