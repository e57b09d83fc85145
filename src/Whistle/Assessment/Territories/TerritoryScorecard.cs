using System.Collections.Immutable;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Whistle.Complaints;
using Whistle.County.Deadlines;
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

/// <summary>
/// A territory's scorecard for one month (the territory side of the two-way cross assessment, 双向交叉考核), keyed
/// "community:CM0101:2026-11" or "subdistrict:SD01:2026-11": the complaints lodged in the territory whose lodging falls
/// in the month on the county's clock, with what happened to each since. Built by the async daemon.
/// </summary>
public sealed record TerritoryScorecard
{
    public string Id { get; init; } = "";
    public string Level { get; init; } = "";
    public string Code { get; init; } = "";
    /// <summary>The sub-district the territory is, or belongs to: a sub-district officer reads the scorecards that name it.</summary>
    public string SubDistrict { get; init; } = "";
    public string Month { get; init; } = "";
    public ImmutableList<AssessedCase> Cases { get; init; } = [];

    public static string Key(string level, string code, string month) => $"{level}:{code}:{month}";

    /// <summary>The two scorecards a complaint lodged at this instant counts on: its community's and its sub-district's.</summary>
    public static IReadOnlyList<string> KeysOf(string community, string subDistrict, DateTimeOffset lodgedAt)
    {
        var month = AssessmentMonth.Of(lodgedAt);
        return [Key(TerritoryLevel.Community, community, month), Key(TerritoryLevel.SubDistrict, subDistrict, month)];
    }

    public static TerritoryScorecard Empty(string id)
    {
        var parts = id.Split(':');
        return new TerritoryScorecard
        {
            Id = id, Level = parts[0], Code = parts[1], Month = parts[2], SubDistrict = parts[0] == TerritoryLevel.SubDistrict ? parts[1] : "",
        };
    }

    /// <summary>
    /// The next scorecard after one event routed to it (the projection routes only the events of complaints lodged in
    /// its territory and month, and of their whistles). Pure: the projection's whole logic, and what the unit tests fold.
    /// </summary>
    public static TerritoryScorecard Next(TerritoryScorecard? card, string id, object data)
    {
        card ??= Empty(id);
        return data switch
        {
            ComplaintLodged e when card.Holds(e) && card.Cases.All(c => c.ComplaintId != e.ComplaintId) => card with
            {
                SubDistrict = e.SubDistrictId,
                Cases = card.Cases.Add(new AssessedCase { ComplaintId = e.ComplaintId, Number = e.Number, LodgedAt = e.At }),
            },
            ComplaintWhistled e => card.Change(c => c.ComplaintId == e.ComplaintId,
                c => c.Whistles.Contains(e.WhistleId) ? c : c with { Whistles = c.Whistles.Add(e.WhistleId) }),
            ComplaintResolved e => card.Change(c => c.ComplaintId == e.ComplaintId, c => c with
            {
                ResolvedAt = e.At,
                FollowUpDue = e.Due is { Step: ComplaintStep.FollowUp } due ? due.DueAt : null,
            }),
            ComplaintFollowUpRecorded e => card.Change(c => c.ComplaintId == e.ComplaintId, c => c with
            {
                FollowUps = c.FollowUps + 1,
                FollowUpsInTime = c.FollowUpsInTime + (c.FollowUpDue is { } due && e.At <= due ? 1 : 0),
            }),
            WhistleConcluded e => card.Change(c => c.ComplaintId == e.ComplaintId,
                c => c.WhistlesConcluded.Contains(e.WhistleId) ? c : c with { WhistlesConcluded = c.WhistlesConcluded.Add(e.WhistleId) }),
            DepartmentRated e => card.Change(c => c.Whistles.Contains(e.WhistleId), c => c with
            {
                Ratings = c.Ratings + 1, RatingsGiven = c.RatingsGiven.Add(new GivenRating(e.WhistleId, e.Department, e.Score)),
            }),
            // Once per department per whistle: the same rating delivered again counts once.
            WhistlerRated e => card.Change(c => c.Whistles.Contains(e.WhistleId), c =>
                c.RatingsReceived.Any(r => r.WhistleId == e.WhistleId && r.Department == e.Department) ? c : c with
                {
                    RatingsReceived = c.RatingsReceived.Add(new ReceivedRating(e.WhistleId, e.Department, e.WellFounded, e.Cooperation, e.Comment, e.At)),
                }),
            _ => card,
        };
    }

    private bool Holds(ComplaintLodged e) =>
        AssessmentMonth.Of(e.At) == Month && (Level == TerritoryLevel.Community ? e.CommunityId : e.SubDistrictId) == Code;

    private TerritoryScorecard Change(Func<AssessedCase, bool> which, Func<AssessedCase, AssessedCase> change)
    {
        var index = Cases.FindIndex(c => which(c));
        return index < 0 ? this : this with { Cases = Cases.SetItem(index, change(Cases[index])) };
    }
}

/// <summary>
/// The async projection (run by Marten's daemon) of the territory scorecards. <see cref="ComplaintLodged"/> names its
/// territory and time; every later event of the complaint finds them on <see cref="ComplaintDetails"/>, and a whistle's
/// rating finds its complaint on <see cref="WhistleDetails"/> — both kept inline with the events, and neither's
/// territory nor lodging time ever changes, so a rebuild gives the same scorecards.
/// </summary>
public partial class TerritoryScorecardProjection : MultiStreamProjection<TerritoryScorecard, string>
{
    public TerritoryScorecardProjection()
    {
        IncludeType<ComplaintLodged>();
        IncludeType<ComplaintWhistled>();
        IncludeType<ComplaintResolved>();
        IncludeType<ComplaintFollowUpRecorded>();
        IncludeType<WhistleConcluded>();
        IncludeType<DepartmentRated>();
        IncludeType<WhistlerRated>();
        CustomGrouping(Group);
    }

    public override TerritoryScorecard? Evolve(TerritoryScorecard? snapshot, string id, IEvent e) =>
        TerritoryScorecard.Next(snapshot, id, e.Data);

    private static Guid? ComplaintOf(object data) => data switch
    {
        ComplaintWhistled e => e.ComplaintId,
        ComplaintResolved e => e.ComplaintId,
        ComplaintFollowUpRecorded e => e.ComplaintId,
        WhistleConcluded e => e.ComplaintId,
        _ => null,
    };

    /// <summary>The whistle of a rating (either way): its complaint is read from <see cref="WhistleDetails"/>.</summary>
    private static Guid? WhistleOf(object data) => data switch
    {
        DepartmentRated e => e.WhistleId,
        WhistlerRated e => e.WhistleId,
        _ => null,
    };

    private static async Task Group(IQuerySession session, IReadOnlyList<IEvent> events, JasperFx.Events.Grouping.IEventGrouping<string> grouping)
    {
        foreach (var e in events)
            if (e.Data is ComplaintLodged lodged)
                foreach (var key in TerritoryScorecard.KeysOf(lodged.CommunityId, lodged.SubDistrictId, lodged.At))
                    grouping.AddEvent(key, e);

        // Case ids are unique across counties: the lookups need no tenant, and the daemon's session may have none.
        var rated = events.Select(e => WhistleOf(e.Data)).OfType<Guid>().Distinct().ToArray();
        var whistles = rated.Length == 0 ? new Dictionary<Guid, Guid>()
            : (await session.Query<WhistleDetails>().Where(w => w.AnyTenant() && rated.Contains(w.Id)).ToListAsync())
                .ToDictionary(w => w.Id, w => w.ComplaintId);
        Guid? Of(object data) => WhistleOf(data) is { } w ? whistles.TryGetValue(w, out var c) ? c : null : ComplaintOf(data);

        var ids = events.Select(e => Of(e.Data)).OfType<Guid>().Distinct().ToArray();
        if (ids.Length == 0) return;
        var complaints = (await session.Query<ComplaintDetails>().Where(c => c.AnyTenant() && ids.Contains(c.Id)).ToListAsync())
            .ToDictionary(c => c.Id);
        foreach (var e in events)
            if (Of(e.Data) is { } id && complaints.GetValueOrDefault(id) is { } complaint)
                foreach (var key in TerritoryScorecard.KeysOf(complaint.CommunityId, complaint.SubDistrictId, complaint.LodgedAt))
                    grouping.AddEvent(key, e);
    }
}
