using JasperFx.Events;
using Marten.Events.Aggregation;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.JointMeetings.Worklist;

/// <summary>What the joint-meeting office (联席办) must look at on a whistle.</summary>
public enum WorklistKind
{
    /// <summary>The whistle is at the joint-meeting or county-supervision level and not concluded (联席会议 / 县级督办).</summary>
    AtCountyLevel = 1,
    /// <summary>A department's rejection waits for the office's ruling (退单待审定).</summary>
    AwaitingRuling = 2,
    /// <summary>A department missed a due time and has not yet done what it missed (逾期未办).</summary>
    Overdue = 3,
    /// <summary>A department's missed due time was published (通报) and is still uncured.</summary>
    BreachNotice = 4,
    /// <summary>The whistle was blown on a department with no active officer in the staff register (无在岗人员).</summary>
    WithoutActiveOfficer = 5,
}

/// <summary>
/// One open item of a whistle on the office's worklist. <see cref="Department"/>: the department it is about (none for
/// <see cref="WorklistKind.AtCountyLevel"/>); <see cref="Since"/>: when it opened; <see cref="DueAt"/>: the due time
/// it runs against, when there is one — the missed due time (overdue, breach), the ruling's due time, the sign-for due
/// time of a department without officers; <see cref="Missed"/>: which due time was missed (overdue, breach).
/// </summary>
public sealed record WorklistEntry(
    WorklistKind Kind, string? Department, DateTimeOffset Since, DateTimeOffset? DueAt = null, DeadlineKind? Missed = null);

/// <summary>
/// A whistle as the joint-meeting office's worklist reads it: where it sits and its open items. One document per
/// whistle, so the worklist is one query over these documents, filtered by scope and the caller's filters in SQL; a
/// whistle with no open item stays stored with an empty list and is not shown.
/// </summary>
public sealed class WorklistWhistle
{
    /// <summary>Where scope reads a whistle on the worklist: its community and sub-district.</summary>
    public static readonly CaseFields<WorklistWhistle> Fields = new(CaseKind.Whistle, x => x.CommunityCode, x => x.SubDistrictCode);

    public Guid Id { get; set; }
    public Guid ComplaintId { get; set; }
    public string ComplaintNumber { get; set; } = "";
    public WhistleLevel Level { get; set; }
    public string CommunityCode { get; set; } = "";
    public string SubDistrictCode { get; set; } = "";
    public bool Concluded { get; set; }
    /// <summary>The joint meeting that last took the whistle over (联席会议接办): its items stay open, shown as taken over.</summary>
    public Guid? TakenOverByMeeting { get; set; }
    public List<WorklistEntry> Items { get; set; } = [];

    /// <summary>Opens an item unless one of the same kind, department and missed due time is already open (the first stays).</summary>
    public void Open(WorklistEntry entry)
    {
        if (!Concluded && !Items.Any(i => i.Kind == entry.Kind && i.Department == entry.Department && i.Missed == entry.Missed))
            Items.Add(entry);
    }

    public void Close(string? department, params WorklistKind[] kinds) =>
        Items.RemoveAll(i => i.Department == department && kinds.Contains(i.Kind));

    /// <summary>Closes the department's overdue and breach items for a due time of this kind: it did what it missed.</summary>
    public void Cure(string department, DeadlineKind kind) =>
        Items.RemoveAll(i => i.Department == department && i.Missed == kind && i.Kind is WorklistKind.Overdue or WorklistKind.BreachNotice);

    /// <summary>The whistle now stands at this level: at a county level its item says since when; below, none.</summary>
    public void Reach(WhistleLevel level, DateTimeOffset at)
    {
        Level = level;
        Close(null, WorklistKind.AtCountyLevel);
        if (level >= WhistleLevel.JointMeeting) Open(new WorklistEntry(WorklistKind.AtCountyLevel, null, at));
    }
}

/// <summary>
/// The worklist, run by the async daemon. Items open and close as the whistle's events say: a county level reached
/// opens one, the whistle concluded closes all; a rejection opens the ruling item, the ruling (or the pause's end)
/// closes it; a missed due time opens an overdue item and its notice a breach item, both closed when the department
/// does what it missed (signs for, replies) or rejects the assignment (its clock stops: the ruling item stands in);
/// a department without officers is listed until one of its officers acts (signs for, replies, rejects, asks for an
/// extension). A department moved off the whistle by an upheld rejection leaves with all its items.
/// </summary>
public partial class WorklistProjection : SingleStreamProjection<WorklistWhistle, Guid>
{
    public static WorklistWhistle Create(IEvent<WhistleBlown> e)
    {
        var w = new WorklistWhistle
        {
            Id = e.Data.WhistleId, ComplaintId = e.Data.ComplaintId, ComplaintNumber = e.Data.ComplaintNumber,
            CommunityCode = e.Data.CommunityCode, SubDistrictCode = e.Data.SubDistrictCode,
        };
        w.Reach(e.Data.Level, e.Data.At);
        foreach (var a in e.Data.Assignments.Where(a => e.Data.WithoutActiveOfficer?.Contains(a.Department) == true))
            w.Open(new WorklistEntry(WorklistKind.WithoutActiveOfficer, a.Department, e.Data.At, a.Deadlines.SignForDue));
        return w;
    }

    public static void Apply(IEvent<AssignmentSignedFor> e, WorklistWhistle w)
    {
        w.Cure(e.Data.Department, DeadlineKind.SignFor);
        w.Close(e.Data.Department, WorklistKind.WithoutActiveOfficer);
    }

    public static void Apply(IEvent<AssignmentReplied> e, WorklistWhistle w)
    {
        w.Cure(e.Data.Department, DeadlineKind.SignFor);
        w.Cure(e.Data.Department, DeadlineKind.Reply);
        w.Close(e.Data.Department, WorklistKind.WithoutActiveOfficer);
    }

    public static void Apply(IEvent<ExtensionRequested> e, WorklistWhistle w) => w.Close(e.Data.Department, WorklistKind.WithoutActiveOfficer);

    public static void Apply(IEvent<AssignmentRejected> e, WorklistWhistle w)
    {
        w.Close(e.Data.Department, WorklistKind.WithoutActiveOfficer, WorklistKind.Overdue, WorklistKind.BreachNotice);
        w.Open(new WorklistEntry(WorklistKind.AwaitingRuling, e.Data.Department, e.Data.At));
    }

    /// <summary>The ruling's due time travels on the pause appended with the rejection.</summary>
    public static void Apply(IEvent<AssignmentPaused> e, WorklistWhistle w)
    {
        if (e.Data.Reason != PauseReason.AwaitingRuling) return;
        var since = w.Items.FirstOrDefault(i => i.Kind == WorklistKind.AwaitingRuling && i.Department == e.Data.Department)?.Since ?? e.Data.At;
        w.Close(e.Data.Department, WorklistKind.AwaitingRuling);
        w.Open(new WorklistEntry(WorklistKind.AwaitingRuling, e.Data.Department, since, e.Data.Ruling.Due));
    }

    public static void Apply(IEvent<AssignmentPauseEnded> e, WorklistWhistle w) => w.Close(e.Data.Department, WorklistKind.AwaitingRuling);

    public static void Apply(IEvent<RejectionArbitrated> e, WorklistWhistle w)
    {
        w.Close(e.Data.Department, WorklistKind.AwaitingRuling);
        if (e.Data.Ruling == ArbitrationRuling.Upheld) w.Items.RemoveAll(i => i.Department == e.Data.Department);
    }

    public static void Apply(IEvent<AssignmentOverdue> e, WorklistWhistle w) =>
        w.Open(new WorklistEntry(WorklistKind.Overdue, e.Data.Department, e.Data.At, e.Data.DueAt, e.Data.Kind));

    public static void Apply(IEvent<BreachNoticePublished> e, WorklistWhistle w) =>
        w.Open(new WorklistEntry(WorklistKind.BreachNotice, e.Data.Department, e.Data.At, e.Data.DueAt, e.Data.Missed));

    public static void Apply(IEvent<WhistleEscalated> e, WorklistWhistle w) => w.Reach(e.Data.To, e.Data.At);

    public static void Apply(IEvent<SupervisionOpened> e, WorklistWhistle w) => w.Reach(e.Data.To, e.Data.At);

    public static void Apply(IEvent<WhistleTakenOverByMeeting> e, WorklistWhistle w) => w.TakenOverByMeeting = e.Data.MeetingId;

    public static void Apply(IEvent<WhistleConcluded> e, WorklistWhistle w)
    {
        w.Concluded = true;
        w.Items.Clear();
    }
}
