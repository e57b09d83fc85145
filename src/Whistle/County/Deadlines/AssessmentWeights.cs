using Whistle.Kernel;

namespace Whistle.County.Deadlines;

/// <summary>
/// The weights of the three rates (三率) in a department's monthly score, in percent, summing to 100: response (响应率),
/// resolution (解决率), satisfaction (满意率). Part of the deadline policy, so each version of the policy says which
/// weights scored a scorecard. The default 30/35/35 is the example weighting of the Beijing practice (domain anchors A1,
/// "Assessment": http://www.caprane.cn/zixun_detail/445180.html).
/// </summary>
public sealed record AssessmentWeights(int Response, int Resolution, int Satisfaction)
{
    public static AssessmentWeights Default { get; } = new(30, 35, 35);
}

/// <summary>The weights of a new policy version (<c>assessment</c> of PUT /api/deadline-policy); absent, the default.</summary>
public sealed record AssessmentWeightsInput(int? Response, int? Resolution, int? Satisfaction)
{
    /// <summary>Each weight from 0 to 100, the three summing to 100.</summary>
    public static FieldErrors Check(FieldErrors errors, AssessmentWeightsInput? input)
    {
        if (input is null) return errors;
        errors.When(input.Response is not (>= 0 and <= 100), "assessment.response", "权重为 0 到 100。A weight from 0 to 100.")
            .When(input.Resolution is not (>= 0 and <= 100), "assessment.resolution", "权重为 0 到 100。A weight from 0 to 100.")
            .When(input.Satisfaction is not (>= 0 and <= 100), "assessment.satisfaction", "权重为 0 到 100。A weight from 0 to 100.");
        if (input is { Response: { } r, Resolution: { } s, Satisfaction: { } t })
            errors.When(r + s + t != 100, "assessment", $"三项权重之和须为 100（现为 {r + s + t}）。The three weights must sum to 100 (they sum to {r + s + t}).");
        return errors;
    }

    public static AssessmentWeights? From(AssessmentWeightsInput? input) =>
        input is null ? null : new(input.Response!.Value, input.Resolution!.Value, input.Satisfaction!.Value);
}
