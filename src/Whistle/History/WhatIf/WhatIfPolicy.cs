using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.History.WhatIf;

/// <summary>Another sign-for and/or reply interval for one whistle type; an interval left out stays the official one.</summary>
public sealed record WhatIfRuleInput(WhistleType? WhistleType, IntervalInput? SignFor = null, IntervalInput? Reply = null);

/// <summary>
/// What the what-if changes: another weighting of the three rates (<c>assessment</c>, the three summing to 100) and/or
/// other sign-for and reply intervals per whistle type (<c>rules</c>). Left out, the official ones hold.
/// </summary>
[ExampleBody("""{"assessment": {"response": 60, "resolution": 20, "satisfaction": 20}, "rules": [{"whistleType": "Routine", "signFor": {"amount": 48, "unit": "Hours", "basis": "Calendar"}}]}""")]
public sealed record WhatIfPolicy(AssessmentWeightsInput? Assessment = null, IReadOnlyList<WhatIfRuleInput>? Rules = null)
{
    /// <summary>
    /// 400 naming the field: weights each 0 to 100 and summing to 100; each rule of a named, distinct whistle type with at
    /// least one interval, each interval positive and at most a year.
    /// </summary>
    public FieldErrors Check(FieldErrors errors)
    {
        AssessmentWeightsInput.Check(errors, Assessment);
        var rules = Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var (rule, at) = (rules[i], $"rules[{i}]");
            if (rule is null) { errors.Add(at, "不能为空。A rule, not null."); continue; }
            errors.Defined($"{at}.whistleType", rule.WhistleType)
                .When(rule.WhistleType is { } type && rules.Take(i).Any(r => r?.WhistleType == type), $"{at}.whistleType",
                    $"{rule.WhistleType} 的规则重复。A second rule for {rule.WhistleType}.")
                .When(rule.SignFor is null && rule.Reply is null, at, "须给出签收或反馈时限。A sign-for or a reply interval.");
            if (rule.SignFor is not null) PublishDeadlinePolicyEndpoint.CheckInterval(errors, $"{at}.signFor", rule.SignFor);
            if (rule.Reply is not null) PublishDeadlinePolicyEndpoint.CheckInterval(errors, $"{at}.reply", rule.Reply);
        }
        return errors;
    }

    /// <summary>The official policy with this what-if's weights and intervals put in (a checked what-if).</summary>
    public DeadlinePolicy Apply(DeadlinePolicy official)
    {
        var rules = official.Rules.Select(rule => Rules?.FirstOrDefault(r => r.WhistleType == rule.WhistleType) is { } other
            ? rule with { SignFor = IntervalOf(other.SignFor) ?? rule.SignFor, Reply = IntervalOf(other.Reply) ?? rule.Reply }
            : rule).ToList();
        return official with
        {
            Rules = rules,
            Assessment = AssessmentWeightsInput.From(Assessment) is { } weights ? weights with { AppealWindowDays = official.Assessment.AppealWindowDays } : official.Assessment,
        };
    }

    private static Interval? IntervalOf(IntervalInput? input) => input is { Amount: { } amount, Unit: { } unit, Basis: { } basis } ? new Interval(amount, unit, basis) : null;
}
