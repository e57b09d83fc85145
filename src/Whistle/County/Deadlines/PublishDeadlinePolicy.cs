using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Calendar;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Deadlines;

public sealed record IntervalInput(int? Amount, IntervalUnit? Unit, IntervalBasis? Basis);

/// <summary>
/// One whistle type's rule. The rejection window, the office's ruling time and its reminder fraction, and the breach
/// notice interval are optional: left out, the rule takes the built-in ones of its type (<see cref="DeadlinePolicy.Default"/>).
/// </summary>
public sealed record DeadlineRuleInput(
    WhistleType? WhistleType, IntervalInput? SignFor, IntervalInput? Reply, double? ReminderAt,
    IntervalInput? RejectionWindow = null, IntervalInput? Ruling = null, double? RulingReminderAt = null, IntervalInput? BreachNotice = null);

/// <summary>
/// Publishes a new version of the deadline policy: one rule for each whistle type, and optionally the complaints' limits
/// and the weights of the monthly department score.
/// </summary>
[ExampleBody("""{"note": "演示用短时限 Short deadlines for the demonstration", "rules": [{"whistleType": "Emergency", "signFor": {"amount": 1, "unit": "Minutes", "basis": "Calendar"}, "reply": {"amount": 10, "unit": "Minutes", "basis": "Calendar"}, "reminderAt": 0.5}, {"whistleType": "Routine", "signFor": {"amount": 1, "unit": "Minutes", "basis": "Calendar"}, "reply": {"amount": 10, "unit": "Minutes", "basis": "Calendar"}, "reminderAt": 0.5}, {"whistleType": "Tough", "signFor": {"amount": 1, "unit": "Minutes", "basis": "Calendar"}, "reply": {"amount": 10, "unit": "Minutes", "basis": "Calendar"}, "reminderAt": 0.5}]}""")]
[OptionalFields("note")]
public sealed record PublishDeadlinePolicy(
    IReadOnlyList<DeadlineRuleInput>? Rules, string? Note, ComplaintLimitsInput? Complaints = null, AssessmentWeightsInput? Assessment = null);

public sealed record DeadlinePolicyVersionPublished(int Version);

public static class PublishDeadlinePolicyEndpoint
{
    /// <summary>A year is the longest interval a rule may give, whatever its unit.</summary>
    public static readonly IReadOnlyDictionary<IntervalUnit, int> MaxAmount = new Dictionary<IntervalUnit, int>
    {
        [IntervalUnit.Minutes] = 525_600, [IntervalUnit.Hours] = 8_760, [IntervalUnit.Days] = 366,
    };

    public static ProblemDetails Validate(PublishDeadlinePolicy command)
    {
        var errors = new FieldErrors().Text("note", command.Note, 500, required: false);
        var rules = command.Rules ?? [];
        foreach (var type in Enum.GetValues<WhistleType>())
        {
            var count = rules.Count(r => r?.WhistleType == type);
            errors.When(count != 1, "rules", $"{type} 须有且只有一条规则。Exactly one rule for {type} (found {count}).");
        }
        for (var i = 0; i < rules.Count; i++)
        {
            var (rule, at) = (rules[i], $"rules[{i}]");
            if (rule is null) { errors.Add(at, "不能为空。A rule, not null."); continue; }
            errors.Defined($"{at}.whistleType", rule.WhistleType);
            CheckInterval(errors, $"{at}.signFor", rule.SignFor);
            CheckInterval(errors, $"{at}.reply", rule.Reply);
            errors.When(rule.ReminderAt is not (> 0 and < 1), $"{at}.reminderAt",
                "催办时点应为 0 到 1 之间（不含）的比例，如 0.75。A fraction strictly between 0 and 1, e.g. 0.75.");
            if (rule.RejectionWindow is not null) CheckInterval(errors, $"{at}.rejectionWindow", rule.RejectionWindow);
            if (rule.Ruling is not null) CheckInterval(errors, $"{at}.ruling", rule.Ruling);
            if (rule.BreachNotice is not null) CheckInterval(errors, $"{at}.breachNotice", rule.BreachNotice);
            errors.When(rule.RulingReminderAt is not (null or (> 0 and < 1)), $"{at}.rulingReminderAt",
                "审定催办时点应为 0 到 1 之间（不含）的比例，如 0.75。A fraction strictly between 0 and 1, e.g. 0.75.");
        }
        ComplaintTimeLimits.Check(errors, command.Complaints);
        AssessmentWeightsInput.Check(errors, command.Assessment);
        return errors.ToProblem();
    }

    internal static void CheckInterval(FieldErrors errors, string at, IntervalInput? interval)
    {
        if (interval is null) { errors.Add(at, "必填。Required."); return; }
        errors.Defined($"{at}.unit", interval.Unit).Defined($"{at}.basis", interval.Basis);
        if (interval.Amount is not > 0)
            errors.Add($"{at}.amount", "时限必须为正数。The interval must be positive.");
        else if (interval.Unit is { } unit && MaxAmount.TryGetValue(unit, out var max) && interval.Amount > max)
            errors.Add($"{at}.amount", $"时限不能超过一年（{max} {unit}）。At most a year ({max} {unit}).");
    }

    public static Guid StreamId() => DeadlinePolicy.StreamId;

    [EndpointSummary("发布时限政策 Publish the deadline policy")]
    [WolverinePut("/api/deadline-policy", OperationId = nameof(PublishDeadlinePolicy))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (DeadlinePolicyVersionPublished, Events) Put(
        PublishDeadlinePolicy command, [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] DeadlinePolicy? policy,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var published = Publish(command, policy?.Version ?? 0, Actor.From(user), now);
        return (new DeadlinePolicyVersionPublished(published.Version), [published]);
    }

    /// <summary>
    /// The decision: the next version of the policy, one rule per whistle type in type order. What a rule leaves out
    /// is recorded as the built-in value of its type, so the event says which figures were in force.
    /// </summary>
    public static DeadlinePolicyPublished Publish(PublishDeadlinePolicy command, int currentVersion, Actor by, DateTimeOffset now)
    {
        static Interval From(IntervalInput i) => new(i.Amount!.Value, i.Unit!.Value, i.Basis!.Value);
        static DeadlineRule Rule(DeadlineRuleInput r, DeadlineRule builtin) => new(
            r.WhistleType!.Value, From(r.SignFor!), From(r.Reply!), r.ReminderAt!.Value,
            r.RejectionWindow is { } window ? From(window) : builtin.RejectionWindow,
            r.Ruling is { } ruling ? From(ruling) : builtin.Ruling,
            r.RulingReminderAt ?? r.ReminderAt!.Value,
            r.BreachNotice is { } notice ? From(notice) : builtin.BreachNotice);
        var rules = command.Rules!
            .Select(r => Rule(r, DeadlinePolicy.Default.Rule(r.WhistleType!.Value)))
            .OrderBy(r => r.WhistleType).ToList();
        return new DeadlinePolicyPublished(DeadlinePolicy.StreamId, currentVersion + 1, rules, command.Note?.Trim(), by, now,
            ComplaintTimeLimits.From(command.Complaints), AssessmentWeightsInput.From(command.Assessment));
    }
}
