using System.Collections.Immutable;
using Marten;
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
/// A department's scorecard for one month of the county (一哨一考核), "gongan:2026-11": the assignments whose first
/// sign-for due time falls in the month, with what happened to each, in the order they were given. Composed when read
/// from the month's <see cref="ScoredAssignment"/> documents of the department (<see cref="Of"/>); never stored. The
/// figures, rates and score are computed from them (<see cref="ScorecardFigures"/>); docs/assessment.md gives each formula.
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
    /// The department's scorecard for the month from its assignments' documents (those of other departments or months
    /// are left out): in the order they were given (<see cref="ScoredAssignment.GivenSequence"/>), then by whistle id.
    /// </summary>
    public static DepartmentScorecard Of(string department, string month, IEnumerable<ScoredAssignment> documents) =>
        Empty(AssessmentMonth.Key(department, month)) with
        {
            Assignments =
            [
                .. documents.Where(d => d.Department == department && d.Month == month)
                    .OrderBy(d => d.GivenSequence).ThenBy(d => d.Assignment.WhistleId).Select(d => d.Assignment),
            ],
        };

    /// <summary>The month's scorecards, by department code: one for each department with an assignment in the month.</summary>
    public static IReadOnlyDictionary<string, DepartmentScorecard> OfMonth(string month, IEnumerable<ScoredAssignment> documents) =>
        documents.Where(d => d.Month == month).GroupBy(d => d.Department, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Of(g.Key, month, g), StringComparer.Ordinal);
}
