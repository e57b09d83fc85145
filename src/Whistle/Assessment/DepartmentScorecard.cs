using System.Collections.Immutable;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Whistle.Assessment.Appeals;
using Whistle.Whistles;

namespace Whistle.Assessment;

/// <summary>A due time the department missed, as its <see cref="AssignmentOverdue"/> recorded it: charged once.</summary>
public sealed record MissedDeadline(DeadlineKind Kind, DateTimeOffset DueAt, DateTimeOffset At);

/// <summary>
/// An appeal on the assignment (考核申诉), as the scorecard shows it beside the item: on the whole assignment
/// (<see cref="Kind"/> null) or on one missed deadline; pending until <see cref="Ruling"/>.
/// </summary>
public sealed record AssignmentAppeal(
    Guid AppealId, DeadlineKind? Kind, DateTimeOffset? DueAt, string Reason, DateTimeOffset LodgedAt,
    AppealRuling? Ruling = null, string? RulingReason = null, DateTimeOffset? RuledAt = null)
{
    public bool Upheld => Ruling == AppealRuling.Upheld;
}

/// <summary>
/// One department's assignment on one whistle, as the assessment reads it: the facts every figure of the scorecard is
/// counted from, each traceable to the whistle's events (<see cref="WhistleId"/>).
/// </summary>
public sealed record AssessedAssignment
{
    public Guid WhistleId { get; init; }
    /// <summary>The complaint's number, as the whistle blown gave it; null on an assignment a ruling moved here (the ruling does not carry it).</summary>
    public string? ComplaintNumber { get; init; }
    public AssignmentRole Role { get; init; }
    /// <summary>The sub-district that blew the whistle, as the whistle blown gave it; null on an assignment a ruling moved here (the ruling does not carry it).</summary>
    public string? SubDistrict { get; init; }
    /// <summary>When the department got it: the whistle blown, or the ruling that reassigned it here.</summary>
    public DateTimeOffset AssignedAt { get; init; }
    /// <summary>The first sign-for due time it was given: it places the assignment in its month, and never moves.</summary>
    public DateTimeOffset SignForDue { get; init; }
    /// <summary>The reply due time now in force (an extension, a ruling, a returned reply or a renewal moves it).</summary>
    public DateTimeOffset ReplyDue { get; init; }
    public DateTimeOffset? SignedForAt { get; init; }
    public DateTimeOffset? RejectedAt { get; init; }
    public ArbitrationRuling? Ruling { get; init; }
    /// <summary>The standing reply; a returned reply (退回重办) clears it until the department replies again.</summary>
    public DateTimeOffset? RepliedAt { get; init; }
    public ImmutableList<MissedDeadline> Missed { get; init; } = [];
    /// <summary>The whistler's rating of the department (1–5), given when the whistle concluded.</summary>
    public int? Rating { get; init; }
    /// <summary>The department's appeals on this item, pending and ruled; the upheld ones correct the figures.</summary>
    public ImmutableList<AssignmentAppeal> Appeals { get; init; } = [];

    /// <summary>
    /// Excused by an upheld appeal on the whole assignment (申诉成立: it should not have been the department's): it leaves
    /// every figure of the scorecard, as if never given.
    /// </summary>
    public bool Excused => Appeals.Any(a => a.Upheld && a.Kind is null);

    /// <summary>Counted as due: every assignment but one whose rejection was upheld (退单成立: it was not the department's), or excused on appeal.</summary>
    public bool Due => Ruling != ArbitrationRuling.Upheld && !Excused;

    /// <summary>
    /// Answered by the sign-for due time with no sign-for deadline charged: signed for, or rejected and then overruled
    /// (an overruled rejection counts as signed for, and the department's clock stood still while the office ruled).
    /// A sign-for deadline waived on appeal counts the answer as in time, whenever it came.
    /// </summary>
    public bool SignedForInTime =>
        Due && Charged().All(m => m.Kind != DeadlineKind.SignFor)
        && (SignedForAt ?? (Ruling == ArbitrationRuling.Overruled ? RejectedAt : null)) is { } answered
        && (answered <= SignForDue || Waived(DeadlineKind.SignFor));

    /// <summary>A standing reply given by the reply due time then in force (or with a reply deadline waived on appeal), with no reply deadline charged.</summary>
    public bool RepliedInTime =>
        Due && Charged().All(m => m.Kind != DeadlineKind.Reply) && RepliedAt is { } replied && (replied <= ReplyDue || Waived(DeadlineKind.Reply));

    /// <summary>The missed deadlines charged to the department: all it missed but those an upheld appeal waived.</summary>
    public IEnumerable<MissedDeadline> Charged() => Missed.Where(m => !Appeals.Any(a => a.Upheld && a.Kind == m.Kind && a.DueAt == m.DueAt));

    /// <summary>The assignment as it stood before any appeal: the original figures are counted from it.</summary>
    public AssessedAssignment Original() => Appeals.IsEmpty ? this : this with { Appeals = [] };

    private bool Waived(DeadlineKind kind) => Appeals.Any(a => a.Upheld && a.Kind == kind);

    /// <summary>From getting the assignment to signing for it, in minutes; null when not signed for.</summary>
    public double? SignForMinutes => SignedForAt is { } at ? (at - AssignedAt).TotalMinutes : null;
}

/// <summary>
/// A department's scorecard for one month of the county (一哨一考核), keyed "gongan:2026-11": the assignments whose first
/// sign-for due time falls in the month, with what happened to each. The figures, rates and score are computed from
/// them (<see cref="ScorecardFigures"/>); docs/assessment.md gives each formula. Built by the async daemon.
/// </summary>
public sealed record DepartmentScorecard
{
    public string Id { get; init; } = "";
    public string Department { get; init; } = "";
    public string Month { get; init; } = "";
    public ImmutableList<AssessedAssignment> Assignments { get; init; } = [];

    public static DepartmentScorecard Empty(string id)
    {
        var (department, month) = AssessmentMonth.Split(id);
        return new DepartmentScorecard { Id = id, Department = department, Month = month };
    }

    /// <summary>
    /// The next scorecard after one whistle event routed to it (the projection routes only the events of its department's
    /// assignments in its month). Pure: the projection's whole logic, and what the unit tests fold.
    /// </summary>
    public static DepartmentScorecard Next(DepartmentScorecard? card, string id, object data)
    {
        card ??= Empty(id);
        var department = card.Department;
        return data switch
        {
            WhistleBlown e => e.Assignments.Where(a => a.Department == department && AssessmentMonth.Of(a.Deadlines.SignForDue) == card.Month)
                .Aggregate(card, (c, a) => c.Add(new AssessedAssignment
                {
                    WhistleId = e.WhistleId, ComplaintNumber = e.ComplaintNumber, SubDistrict = e.SubDistrictCode, Role = a.Role, AssignedAt = e.At,
                    SignForDue = a.Deadlines.SignForDue, ReplyDue = a.Deadlines.ReplyDue,
                })),
            RejectionArbitrated e => card.Arbitrated(e),
            AssignmentSignedFor e when e.Department == department => card.Change(e.WhistleId, a => a with { SignedForAt = a.SignedForAt ?? e.At }),
            AssignmentRejected e when e.Department == department => card.Change(e.WhistleId, a => a with { RejectedAt = a.RejectedAt ?? e.At }),
            AssignmentReplied e when e.Department == department => card.Change(e.WhistleId, a => a with { RepliedAt = e.At }),
            ReplyReturned e when e.Department == department => card.Change(e.WhistleId, a => a with { RepliedAt = null, ReplyDue = e.Renewed.ReplyDue }),
            ExtensionGranted e when e.Department == department => card.Change(e.WhistleId, a => a with { ReplyDue = e.ReplyDue }),
            WhistleEscalated e when e.Department == department => card.Change(e.WhistleId, a => a with { ReplyDue = e.Renewed.ReplyDue }),
            AssignmentDeadlinesRenewed e when e.Department == department => card.Change(e.WhistleId, a => a with { ReplyDue = e.Renewed.ReplyDue }),
            // One charge per missed due time: the same miss delivered again, or recorded for another department of the
            // same round, charges this department nothing more.
            AssignmentOverdue e when e.Department == department => card.Change(e.WhistleId, a =>
                a.Missed.Any(m => m.Kind == e.Kind && m.DueAt == e.DueAt) ? a : a with { Missed = a.Missed.Add(new MissedDeadline(e.Kind, e.DueAt, e.At)) }),
            DepartmentRated e when e.Department == department => card.Change(e.WhistleId, a => a with { Rating = e.Score }),
            ScoreAppealLodged e when e.Item.Department == department && e.Item.Month == card.Month => card.Change(e.Item.WhistleId, a =>
                a.Appeals.Any(x => x.AppealId == e.AppealId) ? a
                    : a with { Appeals = a.Appeals.Add(new AssignmentAppeal(e.AppealId, e.Item.Kind, e.Item.DueAt, e.Reason, e.At)) }),
            ScoreAppealRuled e when e.Item.Department == department && e.Item.Month == card.Month => card.Change(e.Item.WhistleId, a => a with
            {
                Appeals = [.. a.Appeals.Select(x => x.AppealId == e.AppealId ? x with { Ruling = e.Ruling, RulingReason = e.Reason, RuledAt = e.At } : x)],
            }),
            _ => card,
        };
    }

    private DepartmentScorecard Arbitrated(RejectionArbitrated e)
    {
        var card = e.Department != Department ? this : Change(e.WhistleId, a => a with
        {
            Ruling = e.Ruling,
            ReplyDue = e.Ruling == ArbitrationRuling.Overruled && e.Renewed is { } renewed ? renewed.ReplyDue : a.ReplyDue,
        });
        if (e.Reassignment is not { } terms || terms.Department != Department || AssessmentMonth.Of(terms.Deadlines.SignForDue) != Month) return card;
        return card.Add(new AssessedAssignment
        {
            WhistleId = e.WhistleId, Role = terms.Role, AssignedAt = e.At,
            SignForDue = terms.Deadlines.SignForDue, ReplyDue = terms.Deadlines.ReplyDue,
        });
    }

    /// <summary>A department holds one assignment per whistle: one brought back to it keeps its first.</summary>
    private DepartmentScorecard Add(AssessedAssignment assignment) =>
        Assignments.Any(a => a.WhistleId == assignment.WhistleId) ? this : this with { Assignments = Assignments.Add(assignment) };

    private DepartmentScorecard Change(Guid whistleId, Func<AssessedAssignment, AssessedAssignment> change)
    {
        var index = Assignments.FindIndex(a => a.WhistleId == whistleId);
        return index < 0 ? this : this with { Assignments = Assignments.SetItem(index, change(Assignments[index])) };
    }
}

/// <summary>
/// The async projection (run by Marten's daemon) of the department scorecards. A whistle event is routed to the
/// scorecard of its department and month: the month of <see cref="WhistleBlown"/>'s assignments is on the event; for
/// every later event it is read from <see cref="AssignmentMonths"/>, kept inline with the events.
/// </summary>
public partial class DepartmentScorecardProjection : MultiStreamProjection<DepartmentScorecard, string>
{
    public DepartmentScorecardProjection()
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

    public override DepartmentScorecard? Evolve(DepartmentScorecard? snapshot, string id, IEvent e) =>
        DepartmentScorecard.Next(snapshot, id, e.Data);

    private static async Task Group(IQuerySession session, IReadOnlyList<IEvent> events, JasperFx.Events.Grouping.IEventGrouping<string> grouping)
    {
        var months = await AssignmentMonthRouting.LoadAsync(session,
            [.. events.SelectMany(e => AssignmentMonthRouting.Concerned(e.Data)).Select(c => c.Whistle).Distinct()]);
        foreach (var e in events)
        {
            var keys = e.Data switch
            {
                WhistleBlown blown => AssignmentMonthRouting.KeysOf(blown),
                // An appeal's events carry the department and month of the item they concern.
                ScoreAppealLodged { Item: var lodged } => [AssessmentMonth.Key(lodged.Department, lodged.Month)],
                ScoreAppealRuled { Item: var ruled } => [AssessmentMonth.Key(ruled.Department, ruled.Month)],
                _ => AssignmentMonthRouting.KeysOf(e.Data, months),
            };
            foreach (var key in keys) grouping.AddEvent(key, e);
        }
    }
}
