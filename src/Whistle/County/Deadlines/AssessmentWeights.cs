using Whistle.Kernel;

namespace Whistle.County.Deadlines;

/// <summary>
/// The weights of the three rates (三率) in a department's monthly score, in percent, summing to 100: response (响应率),
/// resolution (解决率), satisfaction (满意率). Part of the deadline policy, so each version of the policy says which
/// weights scored a scorecard. The default 30/35/35 is the example weighting of the Beijing practice (domain anchors A1,
/// "Assessment": http://www.caprane.cn/zixun_detail/445180.html).
/// <para>
/// <c>appealWindowDays</c>: how many calendar days after a month ends (China time) a department may still
/// appeal an item of that month's scorecard (考核申诉). Optional, so versions published before appeals existed still read;
/// null means <see cref="DefaultAppealWindowDays"/>.
/// </para>
/// </summary>
public sealed record AssessmentWeights(int Response, int Resolution, int Satisfaction, int? AppealWindowDays = null)
{
    /// <summary>
    /// Ten days: our choice (no source found names a figure), long enough for a department to read the month's scorecard
    /// published in the first days of the next month, short enough for the month's ranking to settle by mid-month.
    /// </summary>
    public const int DefaultAppealWindowDays = 10;

    public static AssessmentWeights Default { get; } = new(30, 35, 35);

    /// <summary>The appeal window in force under these settings: the version's own, else the default.</summary>
    public int AppealDays => AppealWindowDays ?? DefaultAppealWindowDays;
}

/// <summary>The weights of a new policy version (<c>assessment</c> of PUT /api/deadline-policy); absent, the default.</summary>
public sealed record AssessmentWeightsInput(int? Response, int? Resolution, int? Satisfaction, int? AppealWindowDays = null)
{
    /// <summary>Each weight from 0 to 100, the three summing to 100; the appeal window, when given, 1 to 60 days.</summary>
    public static FieldErrors Check(FieldErrors errors, AssessmentWeightsInput? input)
    {
        if (input is null) return errors;
        errors.When(input.Response is not (>= 0 and <= 100), "assessment.response", "权重为 0 到 100。A weight from 0 to 100.")
            .When(input.Resolution is not (>= 0 and <= 100), "assessment.resolution", "权重为 0 到 100。A weight from 0 to 100.")
            .When(input.Satisfaction is not (>= 0 and <= 100), "assessment.satisfaction", "权重为 0 到 100。A weight from 0 to 100.")
            .When(input.AppealWindowDays is not (null or (>= 1 and <= 60)), "assessment.appealWindowDays",
                "申诉期为 1 到 60 天。An appeal window of 1 to 60 days.");
        if (input is { Response: { } r, Resolution: { } s, Satisfaction: { } t })
            errors.When(r + s + t != 100, "assessment", $"三项权重之和须为 100（现为 {r + s + t}）。The three weights must sum to 100 (they sum to {r + s + t}).");
        return errors;
    }

    public static AssessmentWeights? From(AssessmentWeightsInput? input) =>
        input is null ? null : new(input.Response!.Value, input.Resolution!.Value, input.Satisfaction!.Value, input.AppealWindowDays);
}
