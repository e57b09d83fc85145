using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Whistles;

namespace Whistle.Assessment.Territories;

/// <summary>
/// One complaint as the territories' assessment reads it (the territory side of the two-way cross assessment,
/// 双向交叉考核), keyed by the complaint's id: its community, its sub-district and the month its lodging falls in on the
/// county's clock, with the facts each figure is counted from (<see cref="Case"/>). A territory's scorecard for a month
/// is the month's documents of the territory, grouped when read (<see cref="TerritoryScorecardView.Group"/>). Built by
/// the async daemon; each event of the complaint or its whistles rewrites this one small document.
/// </summary>
public sealed record TerritoryCase
{
    /// <summary>The complaint's id.</summary>
    public Guid Id { get; init; }
    public string Community { get; init; } = "";
    public string SubDistrict { get; init; } = "";
    /// <summary>The month of the lodging on the county's clock (<see cref="AssessmentMonth.Of"/>), yyyy-MM.</summary>
    public string Month { get; init; } = "";
    /// <summary>
    /// The lodging's place in the event store (its global sequence, set by the projection): a scorecard lists its cases
    /// in this order, the order they were lodged and projected in.
    /// </summary>
    public long LodgedSequence { get; init; }
    public AssessedCase Case { get; init; } = new();

    /// <summary>
    /// The document after one event routed to it (the projection routes the events of complaint <paramref name="id"/>
    /// and of its whistles); null while the complaint has not been lodged. Pure: the projection's whole logic, and what
    /// the unit tests fold. Once-only: a lodging delivered twice counts once, as do a whistle blown or concluded and a
    /// department's rating of the territory recorded twice; a complaint resolved again keeps the later resolution.
    /// </summary>
    public static TerritoryCase? Next(TerritoryCase? doc, Guid id, object data) => (doc, data) switch
    {
        (null, ComplaintLodged e) when e.ComplaintId == id => new TerritoryCase
        {
            Id = id, Community = e.CommunityId, SubDistrict = e.SubDistrictId, Month = AssessmentMonth.Of(e.At),
            Case = new AssessedCase { ComplaintId = id, Number = e.Number, LodgedAt = e.At },
        },
        (null, _) => null,
        (_, ComplaintWhistled e) when e.ComplaintId == id => doc.Change(c =>
            c.Whistles.Contains(e.WhistleId) ? c : c with { Whistles = c.Whistles.Add(e.WhistleId) }),
        (_, ComplaintResolved e) when e.ComplaintId == id => doc.Change(c => c with
        {
            ResolvedAt = e.At,
            FollowUpDue = e.Due is { Step: ComplaintStep.FollowUp } due ? due.DueAt : null,
        }),
        (_, ComplaintFollowUpRecorded e) when e.ComplaintId == id => doc.Change(c => c with
        {
            FollowUps = c.FollowUps + 1,
            FollowUpsInTime = c.FollowUpsInTime + (c.FollowUpDue is { } due && e.At <= due ? 1 : 0),
        }),
        (_, WhistleConcluded e) when e.ComplaintId == id => doc.Change(c =>
            c.WhistlesConcluded.Contains(e.WhistleId) ? c : c with { WhistlesConcluded = c.WhistlesConcluded.Add(e.WhistleId) }),
        (_, DepartmentRated e) when doc.Case.Whistles.Contains(e.WhistleId) => doc.Change(c => c with
        {
            Ratings = c.Ratings + 1, RatingsGiven = c.RatingsGiven.Add(new GivenRating(e.WhistleId, e.Department, e.Score)),
        }),
        // Once per department per whistle: the same rating delivered again counts once.
        (_, WhistlerRated e) when doc.Case.Whistles.Contains(e.WhistleId) => doc.Change(c =>
            c.RatingsReceived.Any(r => r.WhistleId == e.WhistleId && r.Department == e.Department) ? c : c with
            {
                RatingsReceived = c.RatingsReceived.Add(new ReceivedRating(e.WhistleId, e.Department, e.WellFounded, e.Cooperation, e.Comment, e.At)),
            }),
        _ => doc,
    };

    private TerritoryCase Change(Func<AssessedCase, AssessedCase> change) => this with { Case = change(Case) };
}

/// <summary>
/// The async projection (run by Marten's daemon) of the territories' cases: one <see cref="TerritoryCase"/> per complaint.
/// <see cref="ComplaintLodged"/> names its territory and time, and every later event of the complaint names the
/// complaint; a whistle's rating finds its complaint on <see cref="WhistleDetails"/> (kept inline with the events, and a
/// whistle's complaint never changes, so a rebuild gives the same documents).
/// </summary>
public partial class TerritoryCaseProjection : MultiStreamProjection<TerritoryCase, Guid>
{
    public TerritoryCaseProjection()
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

    /// <summary>The pure fold; the lodging's sequence is stamped on the document it creates.</summary>
    public override TerritoryCase? Evolve(TerritoryCase? snapshot, Guid id, IEvent e)
    {
        var next = TerritoryCase.Next(snapshot, id, e.Data);
        return snapshot is null && next is not null ? next with { LodgedSequence = e.Sequence } : next;
    }

    private static Guid? ComplaintOf(object data) => data switch
    {
        ComplaintLodged e => e.ComplaintId,
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

    private static async Task Group(IQuerySession session, IReadOnlyList<IEvent> events, JasperFx.Events.Grouping.IEventGrouping<Guid> grouping)
    {
        // Case ids are unique across counties: the lookup needs no tenant, and the daemon's session may have none.
        var rated = events.Select(e => WhistleOf(e.Data)).OfType<Guid>().Distinct().ToArray();
        var whistles = rated.Length == 0 ? new Dictionary<Guid, Guid>()
            : (await session.Query<WhistleDetails>().Where(w => w.AnyTenant() && rated.Contains(w.Id)).ToListAsync())
                .ToDictionary(w => w.Id, w => w.ComplaintId);
        foreach (var e in events)
        {
            var complaint = WhistleOf(e.Data) is { } whistle ? whistles.TryGetValue(whistle, out var c) ? c : (Guid?)null : ComplaintOf(e.Data);
            if (complaint is { } id) grouping.AddEvent(id, e);
        }
    }
}
