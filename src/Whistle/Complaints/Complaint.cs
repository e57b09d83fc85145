using System.Text.Json.Serialization;

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

/// <summary>
/// The write model: only what the complaint decisions read. Built by folding the stream's events;
/// never mutated by a decision. It is also the body every complaint command answers with.
/// </summary>
public sealed class Complaint
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Number { get; set; } = "";
    public ComplaintStatus Status { get; set; }
    public string CommunityId { get; set; } = "";
    public string SubDistrictId { get; set; } = "";
    public Satisfaction? LastSatisfaction { get; set; }
    public Guid? DuplicateOf { get; set; }
    public List<Guid> Links { get; set; } = [];
    public int Reopened { get; set; }
    public string CategoryId { get; set; } = "";
    /// <summary>The whistle blown on this complaint that has not concluded yet; the complaint waits for it.</summary>
    public Guid? OpenWhistle { get; set; }
    /// <summary>The cases that give this complaint as their reason: each is told when it is resolved.</summary>
    public List<Guid> CitedBy { get; set; } = [];

    [JsonIgnore]
    public bool IsFinal => Status is ComplaintStatus.Declined or ComplaintStatus.Closed
        or ComplaintStatus.Withdrawn or ComplaintStatus.Duplicate;

    public static Complaint Create(ComplaintLodged e) => new()
    {
        Id = e.ComplaintId,
        Number = e.Number,
        Status = ComplaintStatus.Lodged,
        CommunityId = e.CommunityId,
        SubDistrictId = e.SubDistrictId,
        CategoryId = e.CategoryId,
    };

    public void Apply(ComplaintAccepted e) => Status = ComplaintStatus.Accepted;

    public void Apply(ComplaintDeclined e) => Status = ComplaintStatus.Declined;

    public void Apply(ComplaintResolved e) => Status = ComplaintStatus.Resolved;

    public void Apply(ComplaintFollowUpRecorded e)
    {
        Status = ComplaintStatus.FollowedUp;
        LastSatisfaction = e.Satisfaction;
    }

    public void Apply(ComplaintClosed e) => Status = ComplaintStatus.Closed;

    public void Apply(ComplaintReopened e)
    {
        Status = ComplaintStatus.Accepted;
        LastSatisfaction = null;
        Reopened++;
    }

    public void Apply(ComplaintWithdrawn e) => Status = ComplaintStatus.Withdrawn;

    public void Apply(ComplaintMarkedDuplicate e)
    {
        Status = ComplaintStatus.Duplicate;
        DuplicateOf = e.OriginalId;
    }

    public void Apply(ComplaintLinked e)
    {
        if (!Links.Contains(e.OtherComplaintId)) Links.Add(e.OtherComplaintId);
    }

    public void Apply(ComplaintWhistled e) => OpenWhistle = e.WhistleId;

    public void Apply(ComplaintWhistleConcluded e)
    {
        if (OpenWhistle == e.WhistleId) OpenWhistle = null;
    }

    public void Apply(ComplaintCited e)
    {
        if (!CitedBy.Contains(e.CitingCaseId)) CitedBy.Add(e.CitingCaseId);
    }

    // Notes change nothing a decision reads, but the fold must know the event.
    public void Apply(ComplaintNoteAdded e) { }
}
