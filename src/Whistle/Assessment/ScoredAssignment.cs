using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Whistle.Assessment.Appeals;
using Whistle.Whistles;

namespace Whistle.Assessment;

/// <summary>
/// One department's assignment on one whistle as the department scorecards read it, keyed "gongan:{whistle id}"
/// (<see cref="Key"/>): the department, the month it is assessed in and the facts its figures are counted from
/// (<see cref="Assignment"/>). A department's scorecard for a month is the month's documents of the department, composed
/// when read (<see cref="DepartmentScorecard.Of"/>). Built by the async daemon; each event of the assignment rewrites this
/// one small document.
/// </summary>
public sealed record ScoredAssignment
{
    /// <summary>"{department}:{whistle id}".</summary>
    public string Id { get; init; } = "";
    public string Department { get; init; } = "";
    /// <summary>
    /// The month of the first sign-for due time it was given, on the county's clock (<see cref="AssessmentMonth.Of"/>),
    /// yyyy-MM: fixed when the assignment is first given (the whistle blown, or the ruling that reassigned it here).
    /// </summary>
    public string Month { get; init; } = "";
    /// <summary>
    /// The place in the event store of the event that gave it (its global sequence, set by the projection): a scorecard
    /// lists its assignments in this order, the order they were given, then by whistle id.
    /// </summary>
    public long GivenSequence { get; init; }
    public AssessedAssignment Assignment { get; init; } = new();

    public static string Key(string department, Guid whistleId) => $"{department}:{whistleId}";

    /// <summary>The department and the whistle of a key (a whistle id has no colon: the last one separates them).</summary>
    public static (string Department, Guid WhistleId) Split(string id)
    {
        var colon = id.LastIndexOf(':');
        return (id[..colon], Guid.Parse(id[(colon + 1)..]));
    }

    /// <summary>
    /// The document after one event routed to it (<see cref="ScoredAssignmentProjection.KeysOf"/>): null until the
    /// assignment is given, and only the events that give it create it. Pure: the projection's whole logic, and what the
    /// unit tests, the as-of replay and the appeals' grounds fold. Once-only: a department holds one assignment per
    /// whistle (one brought back to it keeps its first, month included), a missed due time is charged once, an appeal
    /// is lodged and ruled once.
    /// </summary>
    public static ScoredAssignment? Next(ScoredAssignment? doc, string id, object data)
    {
        if (doc is null) return Given(id, data);
        var (department, whistle) = (doc.Department, doc.Assignment.WhistleId);
        return data switch
        {
            RejectionArbitrated e when e.WhistleId == whistle && e.Department == department => doc.Change(a => a with
            {
                Ruling = e.Ruling,
                ReplyDue = e.Ruling == ArbitrationRuling.Overruled && e.Renewed is { } renewed ? renewed.ReplyDue : a.ReplyDue,
            }),
            AssignmentSignedFor e when e.WhistleId == whistle && e.Department == department => doc.Change(a => a with { SignedForAt = a.SignedForAt ?? e.At }),
            AssignmentRejected e when e.WhistleId == whistle && e.Department == department => doc.Change(a => a with { RejectedAt = a.RejectedAt ?? e.At }),
            AssignmentReplied e when e.WhistleId == whistle && e.Department == department => doc.Change(a => a with { RepliedAt = e.At }),
            ReplyReturned e when e.WhistleId == whistle && e.Department == department =>
                doc.Change(a => a with { RepliedAt = null, ReplyDue = e.Renewed.ReplyDue }),
            ExtensionGranted e when e.WhistleId == whistle && e.Department == department => doc.Change(a => a with { ReplyDue = e.ReplyDue }),
            WhistleEscalated e when e.WhistleId == whistle && e.Department == department => doc.Change(a => a with { ReplyDue = e.Renewed.ReplyDue }),
            AssignmentDeadlinesRenewed e when e.WhistleId == whistle && e.Department == department =>
                doc.Change(a => a with { ReplyDue = e.Renewed.ReplyDue }),
            // One charge per missed due time: the same miss delivered again, or recorded for another department of the
            // same round, charges this department nothing more.
            AssignmentOverdue e when e.WhistleId == whistle && e.Department == department => doc.Change(a =>
                a.Missed.Any(m => m.Kind == e.Kind && m.DueAt == e.DueAt) ? a : a with { Missed = a.Missed.Add(new MissedDeadline(e.Kind, e.DueAt, e.At)) }),
            DepartmentRated e when e.WhistleId == whistle && e.Department == department => doc.Change(a => a with { Rating = e.Score }),
            ScoreAppealLodged e when doc.Concerns(e.Item) => doc.Change(a =>
                a.Appeals.Any(x => x.AppealId == e.AppealId) ? a
                    : a with { Appeals = a.Appeals.Add(new AssignmentAppeal(e.AppealId, e.Item.Kind, e.Item.DueAt, e.Reason, e.At)) }),
            ScoreAppealRuled e when doc.Concerns(e.Item) => doc.Change(a => a with
            {
                Appeals = [.. a.Appeals.Select(x => x.AppealId == e.AppealId ? x with { Ruling = e.Ruling, RulingReason = e.Reason, RuledAt = e.At } : x)],
            }),
            _ => doc,
        };
    }

    /// <summary>The assignment given by the whistle blown, or by the ruling that reassigned the whistle to the department.</summary>
    private static ScoredAssignment? Given(string id, object data)
    {
        var (department, whistle) = Split(id);
        return data switch
        {
            WhistleBlown e when e.WhistleId == whistle && e.Assignments.FirstOrDefault(a => a.Department == department) is { } terms => new ScoredAssignment
            {
                Id = id, Department = department, Month = AssessmentMonth.Of(terms.Deadlines.SignForDue),
                Assignment = new AssessedAssignment
                {
                    WhistleId = whistle, ComplaintNumber = e.ComplaintNumber, SubDistrict = e.SubDistrictCode, Role = terms.Role, AssignedAt = e.At,
                    SignForDue = terms.Deadlines.SignForDue, ReplyDue = terms.Deadlines.ReplyDue,
                },
            },
            RejectionArbitrated { Reassignment: { } terms } e when e.WhistleId == whistle && terms.Department == department => new ScoredAssignment
            {
                Id = id, Department = department, Month = AssessmentMonth.Of(terms.Deadlines.SignForDue),
                Assignment = new AssessedAssignment
                {
                    WhistleId = whistle, Role = terms.Role, AssignedAt = e.At, SignForDue = terms.Deadlines.SignForDue, ReplyDue = terms.Deadlines.ReplyDue,
                },
            },
            _ => null,
        };
    }

    /// <summary>The document after the event, the sequence of the event that gives the assignment stamped on it.</summary>
    public static ScoredAssignment? Next(ScoredAssignment? doc, string id, object data, long sequence)
    {
        var next = Next(doc, id, data);
        return doc is null && next is not null ? next with { GivenSequence = sequence } : next;
    }

    /// <summary>An appeal's item is this assignment: its department, its whistle, and the month it is counted in.</summary>
    private bool Concerns(AppealedItem item) => item.Department == Department && item.WhistleId == Assignment.WhistleId && item.Month == Month;

    private ScoredAssignment Change(Func<AssessedAssignment, AssessedAssignment> change) => this with { Assignment = change(Assignment) };
}

/// <summary>
/// The async projection (run by Marten's daemon) of the department scorecards: one <see cref="ScoredAssignment"/> per
/// department and whistle. Every event names its whistle and the department(s) it concerns (an appeal's, in its item), so
/// the routing reads nothing: a rebuild needs no other projection first.
/// </summary>
public partial class ScoredAssignmentProjection : MultiStreamProjection<ScoredAssignment, string>
{
    public ScoredAssignmentProjection()
    {
        IncludeType<WhistleBlown>();
        IncludeType<AssignmentSignedFor>();
        IncludeType<AssignmentRejected>();
        IncludeType<RejectionArbitrated>();
        IncludeType<AssignmentReplied>();
        IncludeType<ReplyReturned>();
        IncludeType<ExtensionGranted>();
        IncludeType<WhistleEscalated>();
        IncludeType<AssignmentDeadlinesRenewed>();
        IncludeType<AssignmentOverdue>();
        IncludeType<DepartmentRated>();
        IncludeType<ScoreAppealLodged>();
        IncludeType<ScoreAppealRuled>();
        CustomGrouping(Group);
    }

    /// <summary>The pure fold; the sequence of the event that gives the assignment is stamped on the document it creates.</summary>
    public override ScoredAssignment? Evolve(ScoredAssignment? snapshot, string id, IEvent e) => ScoredAssignment.Next(snapshot, id, e.Data, e.Sequence);

    /// <summary>The departments an event concerns on its whistle (an arbitration: the one that rejected, and the one it moved to).</summary>
    public static IEnumerable<(Guid Whistle, string Department)> Concerned(object data) => data switch
    {
        WhistleBlown e => e.Assignments.Select(a => (e.WhistleId, a.Department)),
        RejectionArbitrated e => e.Reassignment is { } terms ? [(e.WhistleId, e.Department), (e.WhistleId, terms.Department)] : [(e.WhistleId, e.Department)],
        AssignmentSignedFor e => [(e.WhistleId, e.Department)],
        AssignmentRejected e => [(e.WhistleId, e.Department)],
        AssignmentReplied e => [(e.WhistleId, e.Department)],
        ReplyReturned e => [(e.WhistleId, e.Department)],
        ExtensionGranted e => [(e.WhistleId, e.Department)],
        WhistleEscalated e => [(e.WhistleId, e.Department)],
        AssignmentDeadlinesRenewed e => [(e.WhistleId, e.Department)],
        AssignmentOverdue e => [(e.WhistleId, e.Department)],
        DepartmentRated e => [(e.WhistleId, e.Department)],
        ScoreAppealLodged e => [(e.Item.WhistleId, e.Item.Department)],
        ScoreAppealRuled e => [(e.Item.WhistleId, e.Item.Department)],
        _ => [],
    };

    /// <summary>The documents an event is folded into: one per department it concerns on its whistle.</summary>
    public static IEnumerable<string> KeysOf(object data) => Concerned(data).Distinct().Select(c => ScoredAssignment.Key(c.Department, c.Whistle));

    private static Task Group(IQuerySession session, IReadOnlyList<IEvent> events, JasperFx.Events.Grouping.IEventGrouping<string> grouping)
    {
        foreach (var e in events)
            foreach (var key in KeysOf(e.Data))
                grouping.AddEvent(key, e);
        return Task.CompletedTask;
    }
}
