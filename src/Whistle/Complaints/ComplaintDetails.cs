using Whistle.Privacy;
using Whistle.Privacy.Sealing;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.Complaints;

/// <summary>Everything a handler sees on one complaint. Kept inline, so it is current as soon as a command returns.</summary>
public sealed class ComplaintDetails : IHoldsPersonalData
{
    /// <summary>Where scope reads a complaint's area: its details endpoint and every list of complaints.</summary>
    public static readonly CaseFields<ComplaintDetails> Fields = new(CaseKind.Complaint, x => x.CommunityId, x => x.SubDistrictId);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Number { get; set; } = "";
    public ComplaintStatus Status { get; set; }
    public string StatusLabel => Status.Label();
    /// <summary>Whether the complaint is still open (lodged, accepted, resolved or followed up).</summary>
    public bool IsOpen => ComplaintStatuses.IsOpen(Status);
    public ComplaintChannel Channel { get; set; }
    public string CategoryId { get; set; } = "";
    public string CompoundId { get; set; } = "";
    public string CommunityId { get; set; } = "";
    public string SubDistrictId { get; set; } = "";
    public Complainant Complainant { get; set; } = new("", "", null);
    public string Description { get; set; } = "";
    public Actor LodgedBy { get; set; } = new("", "", "");
    /// <summary>
    /// When the complaint was lodged, held in UTC: it is a column of its own that the list orders by (ComplaintsSetup),
    /// and PostgreSQL's <c>timestamptz</c> takes UTC values only (a time given with the county's +08:00 would fail the
    /// write). Pages show it in the county's time.
    /// </summary>
    public DateTimeOffset LodgedAt { get; set => field = value.ToUniversalTime(); }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? DeclineReason { get; set; }
    public string? RedirectTo { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public List<FollowUp> FollowUps { get; set; } = [];
    public DateTimeOffset? ClosedAt { get; set; }
    public int Reopened { get; set; }
    public string? WithdrawalReason { get; set; }
    public CaseReference? DuplicateOf { get; set; }
    public List<CaseReference> Links { get; set; } = [];
    public List<Note> Notes { get; set; } = [];
    public List<WhistleReference> Whistles { get; set; } = [];
    /// <summary>The cases that give this complaint as their reason (a fee dispute's service defect).</summary>
    public List<CaseReference> CitedBy { get; set; } = [];
    /// <summary>How urgent the complaint is (紧急、一般、复杂): it sets its time limits. Complaints lodged before urgency existed are ordinary.</summary>
    public ComplaintUrgency Urgency { get; set; } = ComplaintUrgency.Ordinary;
    public string UrgencyLabel => Urgency.Label();
    /// <summary>
    /// The step now due (受理、办结、回访), its due time and reminder, and the policy and calendar versions it was computed
    /// under; null when no step is timed (a final status, after the follow-up, or lodged before time limits existed).
    /// </summary>
    public ComplaintDeadline? NextDue { get; set; }
    public string? NextStepLabel => NextDue?.Step.Label();
    /// <summary>
    /// Overdue (超期): the step now due missed its due time — <see cref="ComplaintOverdue"/> was recorded for
    /// <see cref="NextDue"/> — and has not been done since. The one definition, read by the details and the list
    /// (and its <c>overdue</c> filter) alike; it clears when the step is done and the next one is timed.
    /// </summary>
    public bool Overdue { get; set; }
    /// <summary>Every due time the complaint missed, oldest first: the record of its lateness once the steps are done.</summary>
    public List<MissedDeadline> Missed { get; set; } = [];

    public sealed record FollowUp(Satisfaction Satisfaction, string? Comment, Actor By, DateTimeOffset At);
    public sealed record Note(Guid Id, NoteVisibility Visibility, string Text, Actor By, DateTimeOffset At);
    public sealed record CaseReference(Guid Id, string Number);
    public sealed record MissedDeadline(ComplaintStep Step, DateTimeOffset DueAt, DateTimeOffset At);
    public sealed record WhistleReference(
        Guid Id, WhistleType Type, IReadOnlyList<string> Departments, DateTimeOffset BlownAt, DateTimeOffset? ConcludedAt);

    /// <summary>The complainant's name, phone and address.</summary>
    public IEnumerable<PersonalDatum> PersonalData()
    {
        yield return PersonalDatum.Name("complainant.name", Complainant.Name);
        yield return PersonalDatum.Phone("complainant.phone", Complainant.Phone);
        if (Complainant.Address is { } address) yield return PersonalDatum.Address("complainant.address", address);
    }

    /// <summary>A copy with the complainant's name, phone and address opened by the keys and masked: how every answer shows it.</summary>
    public ComplaintDetails Masked(Keyring keys)
    {
        var copy = (ComplaintDetails)MemberwiseClone();
        copy.Complainant = Complainant.Masked(keys);
        return copy;
    }
}

public partial class ComplaintDetailsProjection : SingleStreamProjection<ComplaintDetails, Guid>
{
    public static ComplaintDetails Create(IEvent<ComplaintLodged> e) => new()
    {
        Id = e.Data.ComplaintId,
        Number = e.Data.Number,
        Status = ComplaintStatus.Lodged,
        Channel = e.Data.Channel,
        CategoryId = e.Data.CategoryId,
        CompoundId = e.Data.CompoundId,
        CommunityId = e.Data.CommunityId,
        SubDistrictId = e.Data.SubDistrictId,
        Complainant = e.Data.Complainant,
        Description = e.Data.Description,
        LodgedBy = e.Data.By,
        LodgedAt = e.Data.At,
        UpdatedAt = e.Data.At,
        Version = e.Version,
        Urgency = e.Data.Urgency ?? ComplaintUrgency.Ordinary,
        NextDue = e.Data.Due,
    };

    public static void Apply(IEvent<ComplaintAccepted> e, ComplaintDetails d)
    {
        d.Status = ComplaintStatus.Accepted;
        d.AcceptedAt = e.Data.At;
        Due(d, e.Data.Due);
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintDeclined> e, ComplaintDetails d)
    {
        d.Status = ComplaintStatus.Declined;
        Due(d, null);
        d.DeclineReason = e.Data.Reason;
        d.RedirectTo = e.Data.RedirectTo;
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintNoteAdded> e, ComplaintDetails d)
    {
        d.Notes.Add(new ComplaintDetails.Note(e.Data.NoteId, e.Data.Visibility, e.Data.Text, e.Data.By, e.Data.At));
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintResolved> e, ComplaintDetails d)
    {
        d.Status = ComplaintStatus.Resolved;
        d.Outcome = e.Data.Outcome;
        d.ResolvedAt = e.Data.At;
        Due(d, e.Data.Due);
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintFollowUpRecorded> e, ComplaintDetails d)
    {
        d.Status = ComplaintStatus.FollowedUp;
        Due(d, null);
        d.FollowUps.Add(new ComplaintDetails.FollowUp(e.Data.Satisfaction, e.Data.Comment, e.Data.By, e.Data.At));
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintClosed> e, ComplaintDetails d)
    {
        d.Status = ComplaintStatus.Closed;
        d.ClosedAt = e.Data.At;
        Due(d, null);
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintReopened> e, ComplaintDetails d)
    {
        d.Status = ComplaintStatus.Accepted;
        d.Reopened++;
        d.Outcome = null;
        d.ResolvedAt = null;
        Due(d, e.Data.Due);
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintWithdrawn> e, ComplaintDetails d)
    {
        d.Status = ComplaintStatus.Withdrawn;
        d.WithdrawalReason = e.Data.Reason;
        Due(d, null);
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintMarkedDuplicate> e, ComplaintDetails d)
    {
        d.Status = ComplaintStatus.Duplicate;
        d.DuplicateOf = new ComplaintDetails.CaseReference(e.Data.OriginalId, e.Data.OriginalNumber);
        Due(d, null);
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintLinked> e, ComplaintDetails d)
    {
        if (d.Links.All(x => x.Id != e.Data.OtherComplaintId))
            d.Links.Add(new ComplaintDetails.CaseReference(e.Data.OtherComplaintId, e.Data.OtherNumber));
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintWhistled> e, ComplaintDetails d)
    {
        d.Whistles.Add(new ComplaintDetails.WhistleReference(e.Data.WhistleId, e.Data.Type, e.Data.Departments, e.Data.At, null));
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintWhistleConcluded> e, ComplaintDetails d)
    {
        var i = d.Whistles.FindIndex(w => w.Id == e.Data.WhistleId);
        if (i >= 0) d.Whistles[i] = d.Whistles[i] with { ConcludedAt = e.Data.At };
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintWhistleReassigned> e, ComplaintDetails d)
    {
        var i = d.Whistles.FindIndex(w => w.Id == e.Data.WhistleId);
        if (i >= 0) d.Whistles[i] = d.Whistles[i] with { Departments = e.Data.Departments };
        Touch(e, d, e.Data.At);
    }

    public static void Apply(IEvent<ComplaintCited> e, ComplaintDetails d)
    {
        if (d.CitedBy.All(x => x.Id != e.Data.CitingCaseId))
            d.CitedBy.Add(new ComplaintDetails.CaseReference(e.Data.CitingCaseId, e.Data.CitingNumber));
        d.Version = e.Version;
    }

    // Time passing is no one's update: the version moves, UpdatedAt stays with the last act.
    public static void Apply(IEvent<ComplaintReminderSent> e, ComplaintDetails d) => d.Version = e.Version;

    public static void Apply(IEvent<ComplaintOverdue> e, ComplaintDetails d)
    {
        if (d.NextDue is { } due && due.Step == e.Data.Step && due.DueAt == e.Data.DueAt) d.Overdue = true;
        if (d.Missed.All(m => m.DueAt != e.Data.DueAt || m.Step != e.Data.Step))
            d.Missed.Add(new ComplaintDetails.MissedDeadline(e.Data.Step, e.Data.DueAt, e.Data.At));
        d.Version = e.Version;
    }

    /// <summary>A step done, or the complaint ended: the next step's due time (or none), not overdue yet.</summary>
    private static void Due(ComplaintDetails d, ComplaintDeadline? next)
    {
        d.NextDue = next;
        d.Overdue = false;
    }

    private static void Touch(IEvent e, ComplaintDetails d, DateTimeOffset at)
    {
        d.Version = e.Version;
        d.UpdatedAt = at;
    }
}
