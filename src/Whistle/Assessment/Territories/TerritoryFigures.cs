using System.Collections.Immutable;
using Whistle.Whistles;

namespace Whistle.Assessment.Territories;

/// <summary>Which kind of territory a scorecard assesses: a community (社区) or a sub-district (街道).</summary>
public static class TerritoryLevel
{
    public const string Community = "community";
    public const string SubDistrict = "subdistrict";
}

/// <summary>
/// One complaint lodged in the territory in the month, as the territory's assessment reads it: the facts each figure is
/// counted from, each traceable to the complaint's events (<see cref="ComplaintId"/>) and its whistles' events.
/// </summary>
public sealed record AssessedCase
{
    public Guid ComplaintId { get; init; }
    public string Number { get; init; } = "";
    public DateTimeOffset LodgedAt { get; init; }
    /// <summary>The whistles blown on the complaint (吹哨), in order.</summary>
    public ImmutableList<Guid> Whistles { get; init; } = [];
    /// <summary>The latest resolution (办结); a reopened complaint resolved again keeps the later one.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }
    /// <summary>The follow-up call's due time (回访时限) the latest resolution recorded; null when untimed.</summary>
    public DateTimeOffset? FollowUpDue { get; init; }
    public int FollowUps { get; init; }
    /// <summary>Follow-up calls recorded by the follow-up due time then in force; an untimed one is never in time.</summary>
    public int FollowUpsInTime { get; init; }
    public ImmutableList<Guid> WhistlesConcluded { get; init; } = [];
    /// <summary>The departments' ratings given when the complaint's whistles concluded (one per department rated).</summary>
    public int Ratings { get; init; }
    /// <summary>The whistler's rating of each department (1–5) on the complaint's whistles: the territory rating the departments.</summary>
    public ImmutableList<GivenRating> RatingsGiven { get; init; } = [];
    /// <summary>The departments' ratings of the territory (<see cref="WhistlerRated"/>): the departments rating the territory.</summary>
    public ImmutableList<ReceivedRating> RatingsReceived { get; init; } = [];

    /// <summary>Resolved, and no whistle was ever blown on it: the territory solved it on its own (未吹哨办结).</summary>
    public bool ResolvedWithoutWhistle => ResolvedAt is not null && Whistles.IsEmpty;
}

/// <summary>The territory's rating of a department on one whistle (its <see cref="DepartmentRated"/>).</summary>
public sealed record GivenRating(Guid WhistleId, string Department, int Score);

/// <summary>A department's rating of the territory on one whistle (its <see cref="WhistlerRated"/>): 合理 and 配合, 1–5 each.</summary>
public sealed record ReceivedRating(Guid WhistleId, string Department, int WellFounded, int Cooperation, string? Comment, DateTimeOffset At)
{
    /// <summary>The rating's one figure: the mean of its two scores.</summary>
    public decimal Score => (WellFounded + Cooperation) / 2m;
}

/// <summary>
/// The figures of one territory's month. The whistle rate is whistled cases ÷ cases (0 to 1, four places), null when
/// no case was lodged. The departments' rating of the territory: how many ratings it received, the mean of their
/// well-founded (合理) and cooperation (配合) scores, and their mean rating (each rating the mean of its two scores), two
/// places, null when none was received. See docs/assessment.md.
/// </summary>
public sealed record TerritoryFigures(
    int Cases, int Whistled, decimal? WhistleRate, int ResolvedWithoutWhistle, int FollowUps, int FollowUpsInTime,
    int WhistlesConcluded, int Ratings, int RatedByDepartments = 0, decimal? WellFounded = null, decimal? Cooperation = null,
    decimal? RatingFromDepartments = null)
{
    public static TerritoryFigures Of(IReadOnlyCollection<AssessedCase> cases)
    {
        var whistled = cases.Count(c => !c.Whistles.IsEmpty);
        return new TerritoryFigures(
            cases.Count, whistled, ScorecardFigures.Rate(whistled, cases.Count), cases.Count(c => c.ResolvedWithoutWhistle),
            cases.Sum(c => c.FollowUps), cases.Sum(c => c.FollowUpsInTime), cases.Sum(c => c.WhistlesConcluded.Count), cases.Sum(c => c.Ratings))
            .WithRatings([.. cases.SelectMany(c => c.RatingsReceived)]);
    }

    private TerritoryFigures WithRatings(IReadOnlyList<ReceivedRating> received) => this with
    {
        RatedByDepartments = received.Count,
        WellFounded = Mean(received.Select(r => (decimal)r.WellFounded)),
        Cooperation = Mean(received.Select(r => (decimal)r.Cooperation)),
        RatingFromDepartments = Mean(received.Select(r => r.Score)),
    };

    /// <summary>The mean to two places (half away from zero), null over nothing.</summary>
    public static decimal? Mean(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2, MidpointRounding.AwayFromZero);
    }
}
