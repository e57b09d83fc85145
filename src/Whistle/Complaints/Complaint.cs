using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Wolverine.Marten;
using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.Complaints;

public enum ComplaintStatus
{
    Lodged = 1,      // 待受理
    Accepted = 2,    // 办理中
    Declined = 3,    // 不予受理
    Resolved = 4,    // 已办结，待回访
    FollowedUp = 5,  // 已回访
    Closed = 6,      // 已结案
    Withdrawn = 7,   // 已撤回
    Duplicate = 8,   // 重复件
}

/// <summary>The one definition of an open complaint: every status but the final ones is open.</summary>
public static class ComplaintStatuses
{
    /// <summary>The statuses a complaint ends in: nothing more is done on it. Usable in a Marten query (<c>Final.Contains(x.Status)</c>).</summary>
    public static readonly ImmutableArray<ComplaintStatus> Final =
        [ComplaintStatus.Declined, ComplaintStatus.Closed, ComplaintStatus.Withdrawn, ComplaintStatus.Duplicate];

    public static bool IsFinal(ComplaintStatus status) => Final.Contains(status);

    public static bool IsOpen(ComplaintStatus status) => !IsFinal(status);
}

/// <summary>
/// The write model: only what the complaint decisions read. Built by folding the stream's events, each
/// <c>Apply</c> returning the next state; never mutated.
/// </summary>
public sealed record Complaint : IWriteModel<Complaint>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Number { get; init; } = "";
    public ComplaintStatus Status { get; init; }
    public string CommunityId { get; init; } = "";
    public string SubDistrictId { get; init; } = "";
    public Satisfaction? LastSatisfaction { get; init; }
    public Guid? DuplicateOf { get; init; }
    public string? DuplicateOfNumber { get; init; }
    public ImmutableArray<Guid> Links { get; init; } = [];
    public int Reopened { get; init; }
    public string CategoryId { get; init; } = "";
    /// <summary>The company serving the compound when the complaint was lodged: its resolution and rating go on that company's credit file.</summary>
    public string? PropertyCompanyCode { get; init; }
    /// <summary>The whistle blown on this complaint that has not concluded yet; the complaint waits for it.</summary>
    public Guid? OpenWhistle { get; init; }
    /// <summary>The cases that give this complaint as their reason: each is told when it is resolved.</summary>
    public ImmutableArray<Guid> CitedBy { get; init; } = [];
    /// <summary>Who resolved the complaint and when, while it stays resolved (a reopening clears it).</summary>
    public ComplaintResolved? Resolution { get; init; }
    /// <summary>How urgent the complaint is: it sets its time limits.</summary>
    public ComplaintUrgency Urgency { get; init; } = ComplaintUrgency.Ordinary;
    /// <summary>The step now due and when; null when no step is timed (a final status, after the follow-up, or before time limits existed).</summary>
    public ComplaintDeadline? Due { get; init; }
    /// <summary>The due time whose reminder went out: the reminder delivered again for it sends nothing.</summary>
    public DateTimeOffset? RemindedDue { get; init; }
    /// <summary>The due time last marked overdue: the deadline delivered again for it changes nothing.</summary>
    public DateTimeOffset? OverdueDue { get; init; }

    [JsonIgnore]
    public bool IsFinal => ComplaintStatuses.IsFinal(Status);

    /// <summary>Where the complaint sits, as <see cref="Scope"/> reads it.</summary>
    [JsonIgnore]
    public CaseArea Area => new(CommunityId, SubDistrictId);

    public static Complaint Create(ComplaintLodged e) => new()
    {
        Id = e.ComplaintId,
        Number = e.Number,
        Status = ComplaintStatus.Lodged,
        CommunityId = e.CommunityId,
        SubDistrictId = e.SubDistrictId,
        CategoryId = e.CategoryId,
        PropertyCompanyCode = e.PropertyCompanyCode,
        Urgency = e.Urgency ?? ComplaintUrgency.Ordinary,
        Due = e.Due,
    };

    public Complaint Apply(ComplaintAccepted e) => this with { Status = ComplaintStatus.Accepted, Due = e.Due };

    public Complaint Apply(ComplaintDeclined e) => this with { Status = ComplaintStatus.Declined, Due = null };

    public Complaint Apply(ComplaintResolved e) => this with { Status = ComplaintStatus.Resolved, Resolution = e, Due = e.Due };

    public Complaint Apply(ComplaintFollowUpRecorded e) =>
        this with { Status = ComplaintStatus.FollowedUp, LastSatisfaction = e.Satisfaction, Due = null };

    public Complaint Apply(ComplaintClosed e) => this with { Status = ComplaintStatus.Closed, Due = null };

    public Complaint Apply(ComplaintReopened e) =>
        this with { Status = ComplaintStatus.Accepted, LastSatisfaction = null, Reopened = Reopened + 1, Resolution = null, Due = e.Due };

    public Complaint Apply(ComplaintWithdrawn e) => this with { Status = ComplaintStatus.Withdrawn, Due = null };

    public Complaint Apply(ComplaintMarkedDuplicate e) =>
        this with { Status = ComplaintStatus.Duplicate, DuplicateOf = e.OriginalId, DuplicateOfNumber = e.OriginalNumber, Due = null };

    public Complaint Apply(ComplaintReminderSent e) => this with { RemindedDue = e.DueAt };

    public Complaint Apply(ComplaintOverdue e) => this with { OverdueDue = e.DueAt };

    public Complaint Apply(ComplaintLinked e) =>
        Links.Contains(e.OtherComplaintId) ? this : this with { Links = Links.Add(e.OtherComplaintId) };

    public Complaint Apply(ComplaintWhistled e) => this with { OpenWhistle = e.WhistleId };

    public Complaint Apply(ComplaintWhistleConcluded e) =>
        OpenWhistle == e.WhistleId ? this with { OpenWhistle = null } : this;

    // The whistle's departments are shown, not decided on, by the complaint.
    public Complaint Apply(ComplaintWhistleReassigned e) => this;

    public Complaint Apply(ComplaintCited e) =>
        CitedBy.Contains(e.CitingCaseId) ? this : this with { CitedBy = CitedBy.Add(e.CitingCaseId) };

    // Notes change nothing a decision reads, but the fold must know the event.
    public Complaint Apply(ComplaintNoteAdded e) => this;

    public Complaint AtVersion(long version) => this with { Version = version };
}

/// <summary>What every complaint command answers with: the complaint as it stands after the command, with the step now due.</summary>
public sealed record ComplaintAnswer(
    Guid Id,
    string Number,
    long Version,
    ComplaintStatus Status,
    string StatusLabel,
    Satisfaction? LastSatisfaction,
    int Reopened,
    Guid? DuplicateOf,
    IReadOnlyList<Guid> Links,
    Guid? OpenWhistle,
    ComplaintDeadline? NextDue = null)
{
    public static ComplaintAnswer Of(Complaint complaint) => new(
        complaint.Id, complaint.Number, complaint.Version, complaint.Status, complaint.Status.Label(),
        complaint.LastSatisfaction, complaint.Reopened, complaint.DuplicateOf, complaint.Links, complaint.OpenWhistle, complaint.Due);

    /// <summary>The answer and the events of a decision, in the shape a command endpoint returns them.</summary>
    public static (ComplaintAnswer, Events) After(Complaint complaint, params object[] events) =>
        (Of(complaint.After(events)), [.. events]);
}
