using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Calendar;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Deadlines;

/// <summary>
/// The deadlines of one whistle type: to sign for (签收), to reply (反馈), and when the reminder (催办) goes out.
/// Then, each optional so that rules published before they existed still read (null: the built-in value of the type,
/// as the policy's built-in defaults give them):
/// <see cref="RejectionWindow"/>, how long after getting the assignment (the whistle blown, or a reassignment) a
/// department may still reject it (退单); <see cref="Ruling"/>, the joint-meeting office's time to rule on a rejection
/// (审定), reminded at <see cref="RulingReminderAt"/> of it (null: <see cref="ReminderAt"/>); <see cref="BreachNotice"/>,
/// how long a missed due time may stand uncured after it was recorded before it is published as a notice (通报).
/// </summary>
public sealed record DeadlineRule(
    WhistleType WhistleType, Interval SignFor, Interval Reply, double ReminderAt,
    Interval? RejectionWindow = null, Interval? Ruling = null, double? RulingReminderAt = null, Interval? BreachNotice = null);

/// <summary>A new version of the county's deadline policy: all rules as they are from now on.</summary>
/// <remarks><paramref name="Complaints"/>: the complaints' time limits; null (events published before they existed)
/// means <see cref="ComplaintLimits.Default"/>. <paramref name="Assessment"/>: the weights of the monthly department
/// score; null (events published before they existed, or a version that gives none) means <see cref="AssessmentWeights.Default"/>.</remarks>
public sealed record DeadlinePolicyPublished(
    Guid PolicyId, int Version, IReadOnlyList<DeadlineRule> Rules, string? Note, Actor By, DateTimeOffset At,
    ComplaintLimits? Complaints = null, AssessmentWeights? Assessment = null);

/// <summary>The events of the deadline policy's stream, as the event store registers them.</summary>
public static class DeadlinePolicyEvents
{
    public static readonly IReadOnlyList<Type> All = [typeof(DeadlinePolicyPublished)];
}

/// <summary>
/// The deadline policy in force. Version 0 is the built-in default (DESIGN section 4): emergency — sign for in
/// 30 minutes, reply in 24 hours; routine — 24 hours and 7 working days; tough — 24 hours and 15 working days;
/// reminders at 75% of each interval. Every due time records the policy version it was computed under.
/// <para>
/// Rejection (退单) and ruling (审定): the sources found name no figure — a provincial 12345 measure only says a unit
/// disputing responsibility must submit its legal basis "within the time limit" (domain-anchors A1,
/// chacewang.com/newsdetail/news116258.html) — so these defaults are our choice: a department may reject within
/// 1 hour of an emergency whistle, 1 working day of a routine one, 3 working days of a tough one; the office rules
/// within 2 hours, 2 working days, 3 working days; reminded at 75%.
/// Breach notice (通报): 5 working days after the miss, after a city bureau's rule that a case still overdue 5 working
/// days after its reminder notice (催办通知书) earns a public criticism (通报批评) (domain-anchors A1,
/// fsou.com/html/text/lar/172733/17273310_2.html).
/// </para>
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
            new(WhistleType.Emergency, Interval.CalendarMinutes(30), Interval.CalendarHours(24), 0.75,
                Interval.CalendarHours(1), Interval.CalendarHours(2), 0.75, Interval.WorkingDays(5)),
            new(WhistleType.Routine, Interval.CalendarHours(24), Interval.WorkingDays(7), 0.75,
                Interval.WorkingDays(1), Interval.WorkingDays(2), 0.75, Interval.WorkingDays(5)),
            new(WhistleType.Tough, Interval.CalendarHours(24), Interval.WorkingDays(15), 0.75,
                Interval.WorkingDays(3), Interval.WorkingDays(3), 0.75, Interval.WorkingDays(5)),
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

    /// <summary>The weights of the three rates in the monthly department score: <see cref="AssessmentWeights.Default"/> until a version gives its own.</summary>
    public AssessmentWeights Assessment { get; init; } = AssessmentWeights.Default;

    public DeadlineRule Rule(WhistleType type) => Rules.Single(r => r.WhistleType == type);

    /// <summary>How long a department may reject an assignment of this type after getting it: the rule's, else the built-in.</summary>
    public Interval RejectionWindow(WhistleType type) => Rule(type).RejectionWindow ?? Default.Rule(type).RejectionWindow!;

    /// <summary>The office's time to rule on a rejection: the rule's, else the built-in.</summary>
    public Interval Ruling(WhistleType type) => Rule(type).Ruling ?? Default.Rule(type).Ruling!;

    /// <summary>When the office is reminded of a ruling, as a fraction of its time: the rule's, else its reminder fraction.</summary>
    public double RulingReminderAt(WhistleType type) => Rule(type).RulingReminderAt ?? Rule(type).ReminderAt;

    /// <summary>How long a missed due time may stand uncured before it is published (通报): the rule's, else the built-in.</summary>
    public Interval BreachNotice(WhistleType type) => Rule(type).BreachNotice ?? Default.Rule(type).BreachNotice!;

    public static DeadlinePolicy Create(DeadlinePolicyPublished e) => new DeadlinePolicy { Id = e.PolicyId }.Apply(e);

    public DeadlinePolicy Apply(DeadlinePolicyPublished e) =>
        this with { Version = e.Version, Rules = e.Rules, Note = e.Note, PublishedAt = e.At, PublishedBy = e.By,
            Complaints = e.Complaints ?? ComplaintLimits.Default, Assessment = e.Assessment ?? AssessmentWeights.Default };

    public static async Task<DeadlinePolicy> CurrentAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<DeadlinePolicy>(StreamId, ct) ?? Default;
}

public static class CurrentDeadlinePolicyEndpoint
{
    /// <summary>The deadline policy in force (version 0 until the county publishes its own).</summary>
    [EndpointSummary("现行时限政策 The deadline policy in force")]
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

    [EndpointSummary("某一版本的时限政策 A version of the deadline policy")]
    [EndpointDescription("按版本号查看已发布的时限政策，未发布的版本为 404。A published version of the deadline policy; a version never published is 404.")]
    [WolverineGet("/api/deadline-policy/versions/{version}", OperationId = "GetDeadlinePolicyVersion")]
    public static DeadlinePolicyPublished Get(DeadlinePolicyPublished published) => published;
}
