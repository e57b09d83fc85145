using System.Text.Json.Serialization;
using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.Whistles;

public enum AssignmentStatus
{
    Awaiting = 1,    // 待签收
    SignedFor = 2,   // 办理中
    Replied = 3,     // 已反馈
    Rejected = 4,    // 已退单，待联席办审定
    Reassigned = 5,  // 退单成立，已改派
}

/// <summary>One department's part in the whistle, as the decisions see it.</summary>
public sealed class Assignment
{
    public string Department { get; set; } = "";
    public AssignmentRole Role { get; set; }
    public AssignmentStatus Status { get; set; }
    public DateTimeOffset SignForDue { get; set; }
    public DateTimeOffset ReplyDue { get; set; }
    public bool Overdue { get; set; }
    public DateTimeOffset? ProposedReplyDue { get; set; }
    /// <summary>The due time last marked overdue: a deadline delivered again for it changes nothing.</summary>
    public DateTimeOffset? OverdueDue { get; set; }
    /// <summary>The office overruled this department's rejection: it must handle the case and may not reject again.</summary>
    public bool Overruled { get; set; }

    /// <summary>Still part of the whistle: not moved to another department by an upheld rejection.</summary>
    [JsonIgnore]
    public bool Active => Status != AssignmentStatus.Reassigned;

    public static Assignment From(AssignmentTerms terms) => new()
    {
        Department = terms.Department,
        Role = terms.Role,
        Status = AssignmentStatus.Awaiting,
        SignForDue = terms.Deadlines.SignForDue,
        ReplyDue = terms.Deadlines.ReplyDue,
    };
}

/// <summary>
/// The write model of a whistle: only what its decisions read. Built by folding the stream; never mutated by a
/// decision. It is also the body the whistle commands answer with.
/// </summary>
public sealed class Whistle
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid ComplaintId { get; set; }
    public string ComplaintNumber { get; set; } = "";
    public WhistleType Type { get; set; }
    public WhistleLevel Level { get; set; }
    public string CommunityCode { get; set; } = "";
    public string SubDistrictCode { get; set; } = "";
    public Actor BlownBy { get; set; } = new("", "", "");
    public bool Concluded { get; set; }
    public List<Assignment> Assignments { get; set; } = [];

    public Assignment? Find(string department) => Assignments.FirstOrDefault(a => a.Department == department && a.Active);

    public static Whistle Create(WhistleBlown e) => new()
    {
        Id = e.WhistleId,
        ComplaintId = e.ComplaintId,
        ComplaintNumber = e.ComplaintNumber,
        Type = e.Type,
        Level = e.Level,
        CommunityCode = e.CommunityCode,
        SubDistrictCode = e.SubDistrictCode,
        BlownBy = e.By,
        Assignments = e.Assignments.Select(Assignment.From).ToList(),
    };

    public void Apply(AssignmentSignedFor e) => Find(e.Department)!.Status = AssignmentStatus.SignedFor;

    public void Apply(AssignmentReplied e)
    {
        var a = Find(e.Department)!;
        a.Status = AssignmentStatus.Replied;
        a.ProposedReplyDue = null;
    }

    public void Apply(ExtensionRequested e) => Find(e.Department)!.ProposedReplyDue = e.ProposedReplyDue;

    public void Apply(ExtensionGranted e)
    {
        var a = Find(e.Department)!;
        a.ReplyDue = e.ReplyDue;
        a.ProposedReplyDue = null;
    }

    public void Apply(ExtensionRefused e) => Find(e.Department)!.ProposedReplyDue = null;

    public void Apply(AssignmentRejected e) => Find(e.Department)!.Status = AssignmentStatus.Rejected;

    public void Apply(RejectionArbitrated e)
    {
        var a = Find(e.Department)!;
        if (e.Ruling == ArbitrationRuling.Upheld)
        {
            a.Status = AssignmentStatus.Reassigned;
            Assignments.Add(Assignment.From(e.Reassignment!));
        }
        else
        {
            a.Status = AssignmentStatus.SignedFor;
            a.ReplyDue = e.Renewed!.ReplyDue;
            a.ProposedReplyDue = null;
            a.Overruled = true;
        }
    }

    public void Apply(AssignmentOverdue e)
    {
        var a = Find(e.Department)!;
        a.Overdue = true;
        a.OverdueDue = e.DueAt;
    }

    public void Apply(WhistleEscalated e)
    {
        Level = e.To;
        var a = Find(e.Department)!;
        if (e.Missed == DeadlineKind.SignFor) a.SignForDue = e.Renewed.SignForDue;
        a.ReplyDue = e.Renewed.ReplyDue;
        a.ProposedReplyDue = null;
    }

    public void Apply(ReplyReturned e)
    {
        var a = Find(e.Department)!;
        a.Status = AssignmentStatus.SignedFor;
        a.ReplyDue = e.Renewed.ReplyDue;
        a.ProposedReplyDue = null;
    }

    public void Apply(WhistleConcluded e) => Concluded = true;

    // These change nothing a decision reads, but the fold must know them.
    public void Apply(ReminderSent e) { }

    public void Apply(DepartmentRated e) { }
}
