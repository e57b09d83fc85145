using Whistle.Complaints;

namespace Whistle.Simulation;

/// <summary>
/// How much of what a county of the sample's size (226 compounds, about 30 communities) receives: a pure function of
/// the day, the scale and a seeded <see cref="Random"/>, so the same seed gives the same month.
/// </summary>
public static class CountyMix
{
    /// <summary>
    /// After a department of this conduct signs for: how long until it acts next (at least, at most), and whether that
    /// act is asking for more time (else it replies). Emergencies move in hours, the rest in days.
    /// </summary>
    public static (TimeSpan Least, TimeSpan Most, bool AsksExtension) AfterSigningFor(Conduct conduct, bool urgent) => conduct switch
    {
        Conduct.LateReply => (urgent ? TimeSpan.FromHours(26) : TimeSpan.FromDays(12), urgent ? TimeSpan.FromHours(48) : TimeSpan.FromDays(16), false),
        Conduct.AsksExtension => (urgent ? TimeSpan.FromHours(2) : TimeSpan.FromDays(2), urgent ? TimeSpan.FromHours(6) : TimeSpan.FromDays(4), true),
        _ => (urgent ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1), urgent ? TimeSpan.FromHours(20) : TimeSpan.FromDays(5), false),
    };

    /// <summary>Mean complaints on a working day at scale 1; weekends bring fewer (the hotline is open, offices are not).</summary>
    public const int WeekdayMean = 40, WeekendMean = 22;

    /// <summary>The day's complaints: the mean for its kind of day, ±30 % uniformly, times the scale.</summary>
    public static int ComplaintsOn(DateOnly day, double scale, Random random)
    {
        var mean = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekendMean : WeekdayMean;
        var spread = (int)Math.Round(mean * 0.3);
        return (int)Math.Round((mean + random.Next(-spread, spread + 1)) * scale);
    }

    /// <summary>
    /// Every category of the default dispatch catalogue, weighted as a county's hotline sees them: parking, property
    /// service and fees lead; the maintenance fund and a company leaving are rare.
    /// </summary>
    public static readonly IReadOnlyList<(string Category, int Weight)> Categories =
    [
        ("illegal-parking", 16), ("property-service", 14), ("property-fee", 11), ("noise", 9), ("littering", 8),
        ("neighbour-dispute", 7), ("utilities", 6), ("illegal-construction", 6), ("green-space", 5), ("fire-lane-blocked", 4),
        ("elevator-safety", 4), ("owners-committee", 3), ("fire-safety", 3), ("maintenance-fund", 2), ("company-exit", 2),
    ];

    /// <summary>How complaints arrive: mostly the 12345 hotline, then online, the grid patrols, walk-ins and referrals.</summary>
    public static readonly IReadOnlyList<(ComplaintChannel Channel, int Weight)> Channels =
    [
        (ComplaintChannel.Hotline, 45), (ComplaintChannel.Online, 25), (ComplaintChannel.GridPatrol, 15),
        (ComplaintChannel.WalkIn, 10), (ComplaintChannel.Referral, 5),
    ];

    /// <summary>What becomes of a complaint, decided when it is lodged.</summary>
    public static readonly IReadOnlyList<(Fate Fate, int Weight)> Fates =
    [
        (Fate.HandledLocally, 58), (Fate.Whistled, 30), (Fate.Declined, 7), (Fate.Withdrawn, 5),
    ];

    /// <summary>How a department answers one assignment of a whistle.</summary>
    public static readonly IReadOnlyList<(Conduct Conduct, int Weight)> Conducts =
    [
        (Conduct.Prompt, 68), (Conduct.LateSignFor, 10), (Conduct.LateReply, 8), (Conduct.Rejects, 7), (Conduct.AsksExtension, 7),
    ];

    /// <summary>What the complainant says on the follow-up call.</summary>
    public static readonly IReadOnlyList<(Satisfaction Satisfaction, int Weight)> Satisfactions =
    [
        (Satisfaction.Satisfied, 70), (Satisfaction.BasicallySatisfied, 20), (Satisfaction.Unsatisfied, 10),
    ];

    /// <summary>One of the weighted choices, drawn with the given random.</summary>
    public static T Pick<T>(this Random random, IReadOnlyList<(T Choice, int Weight)> weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (choice, weight) in weighted)
        {
            if (roll < weight) return choice;
            roll -= weight;
        }
        throw new InvalidOperationException("unreachable: the roll is below the total weight");
    }

    /// <summary>A duration between the bounds, in whole minutes.</summary>
    public static TimeSpan Between(this Random random, TimeSpan least, TimeSpan most) =>
        TimeSpan.FromMinutes(random.Next((int)least.TotalMinutes, (int)most.TotalMinutes + 1));

    /// <summary>When on the day the complaint arrives: office hours mostly, some in the evening and at night.</summary>
    public static TimeSpan TimeOfDay(Random random) => random.Next(100) switch
    {
        < 80 => random.Between(TimeSpan.FromHours(8), TimeSpan.FromHours(18)),
        < 95 => random.Between(TimeSpan.FromHours(18), TimeSpan.FromHours(22)),
        _ => random.Between(TimeSpan.Zero, TimeSpan.FromHours(8)),
    };

    /// <summary>A case's own random: the run's seed and the case's place in the run, so one case's draws never shift another's.</summary>
    public static Random ForCase(int seed, int caseNumber) => new(unchecked(seed * 1_000_003 + caseNumber * 7919));
}

/// <summary>What becomes of a complaint.</summary>
public enum Fate
{
    HandledLocally = 1,   // accepted, resolved by the community or the clerk, followed up, closed
    Whistled = 2,         // accepted, then a whistle to the catalogue's departments
    Declined = 3,         // 不予受理, redirected
    Withdrawn = 4,        // the complainant withdraws
}

/// <summary>How a department answers its assignment.</summary>
public enum Conduct
{
    Prompt = 1,           // signs for within hours, replies within days
    LateSignFor = 2,      // lets the sign-for pass (the whistle escalates), then signs for and replies
    LateReply = 3,        // signs for, lets the reply pass, replies later
    Rejects = 4,          // rejects citing a legal basis; the office rules
    AsksExtension = 5,    // signs for, asks for more time, which the whistler grants
}
