using Whistle.County.Deadlines;

namespace Whistle.Assessment;

/// <summary>
/// The figures of one department's month, counted from its assessed assignments. Rates are fractions (0 to 1, four
/// places); a rate whose denominator is 0 is null — nothing was due, or nobody rated — never 0 or 1, so that a month
/// without work neither sinks nor lifts a department. The score is 0 to 100 (two places). See docs/assessment.md.
/// </summary>
public sealed record ScorecardFigures(
    int Due, int MissedDeadlines, int SignedForInTime, int RepliedInTime, int Overdue, int RejectionsUpheld, int RejectionsOverruled,
    double? MedianSignForMinutes, double? P90SignForMinutes, int Rated, int Satisfied, int BasicallySatisfied,
    decimal? ResponseRate, decimal? ResolutionRate, decimal? SatisfactionRate, decimal? Score)
{
    /// <summary>满意: the whistler's 5.</summary>
    public const int SatisfiedScore = 5;

    /// <summary>基本满意: the whistler's 4. 3 and below are not satisfied (一般, 不满意, 很不满意).</summary>
    public const int BasicallySatisfiedScore = 4;

    /// <summary>
    /// The figures as corrected by the upheld appeals: an excused assignment counts nowhere, a waived deadline is not
    /// charged. With no upheld appeal they are the <see cref="Original"/> figures.
    /// </summary>
    public static ScorecardFigures Of(IReadOnlyCollection<AssessedAssignment> all, AssessmentWeights weights)
    {
        var assignments = all.Where(a => !a.Excused).ToList();
        var due = assignments.Where(a => a.Due).ToList();
        var signedInTime = due.Count(a => a.SignedForInTime);
        var repliedInTime = due.Count(a => a.RepliedInTime);
        var minutes = assignments.Select(a => a.SignForMinutes).OfType<double>().Order().ToList();
        var rated = assignments.Count(a => a.Rating is not null);
        var satisfied = assignments.Count(a => a.Rating == SatisfiedScore);
        var basically = assignments.Count(a => a.Rating == BasicallySatisfiedScore);
        var response = Rate(signedInTime, due.Count);
        var resolution = Rate(repliedInTime, due.Count);
        var satisfaction = Rate(satisfied + basically, rated);
        return new ScorecardFigures(
            due.Count,
            assignments.Sum(a => a.Charged().Count()),
            signedInTime,
            repliedInTime,
            due.Count(a => a.Charged().Any()),
            assignments.Count(a => a.Ruling == Whistles.ArbitrationRuling.Upheld),
            assignments.Count(a => a.Ruling == Whistles.ArbitrationRuling.Overruled),
            NearestRank(minutes, 50), NearestRank(minutes, 90),
            rated, satisfied, basically,
            response, resolution, satisfaction,
            WeightedScore(response, resolution, satisfaction, weights));
    }

    /// <summary>The figures as they stood before any appeal was ruled.</summary>
    public static ScorecardFigures Original(IReadOnlyCollection<AssessedAssignment> assignments, AssessmentWeights weights) =>
        Of([.. assignments.Select(a => a.Original())], weights);

    public static decimal? Rate(int numerator, int denominator) =>
        denominator == 0 ? null : Math.Round((decimal)numerator / denominator, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// 100 × the weighted mean of the rates that exist: a null rate leaves the score, and its weight with it, so the
    /// others are weighted among themselves; null when no rate exists (or the rates that exist weigh 0).
    /// </summary>
    public static decimal? WeightedScore(decimal? response, decimal? resolution, decimal? satisfaction, AssessmentWeights weights)
    {
        (decimal? Rate, int Weight)[] parts = [(response, weights.Response), (resolution, weights.Resolution), (satisfaction, weights.Satisfaction)];
        var present = parts.Where(p => p.Rate is not null).ToList();
        var weight = present.Sum(p => p.Weight);
        return weight == 0 ? null : Math.Round(100m * present.Sum(p => p.Rate!.Value * p.Weight) / weight, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The nearest-rank percentile: the value at rank ⌈p/100 × n⌉ of the sorted values; null for none.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, int percentile) =>
        sorted.Count == 0 ? null : sorted[Math.Max(1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count)) - 1];
}
