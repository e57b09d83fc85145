using System.Collections.Immutable;
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
public sealed record Assignment
{
    public string Department { get; init; } = "";
    public AssignmentRole Role { get; init; }
    public AssignmentStatus Status { get; init; }
    public DateTimeOffset SignForDue { get; init; }
    public DateTimeOffset ReplyDue { get; init; }
    public DateTimeOffset ReplyReminder { get; init; }
    public bool Overdue { get; init; }
    public DateTimeOffset? ProposedReplyDue { get; init; }
    /// <summary>The due time last marked overdue: a deadline delivered again for it changes nothing.</summary>
    public DateTimeOffset? OverdueDue { get; init; }
    /// <summary>The office overruled this department's rejection: it must handle the case and may not reject again.</summary>
    public bool Overruled { get; init; }
    /// <summary>When the department got the assignment: the whistle blown, or the ruling that reassigned it here.</summary>
    public DateTimeOffset AssignedAt { get; init; }
    /// <summary>Until when the department may reject the assignment; null for one recorded before the window existed.</summary>
    public DateTimeOffset? RejectionWindowEnd { get; init; }
    /// <summary>When the department last replied (a returned reply leaves it: the department did reply).</summary>
    public DateTimeOffset? RepliedAt { get; init; }
    /// <summary>The ruling the department's paused clock waits for, while it waits.</summary>
    public PendingRuling? AwaitingRuling { get; init; }

    /// <summary>Still part of the whistle: not moved to another department by an upheld rejection.</summary>
    public bool Active => Status != AssignmentStatus.Reassigned;

    public static Assignment From(AssignmentTerms terms, DateTimeOffset assignedAt) => new()
    {
        Department = terms.Department,
        AssignedAt = assignedAt,
        RejectionWindowEnd = terms.RejectionWindowEnd,
        Role = terms.Role,
        Status = AssignmentStatus.Awaiting,
        SignForDue = terms.Deadlines.SignForDue,
        ReplyDue = terms.Deadlines.ReplyDue,
        ReplyReminder = terms.Deadlines.ReplyReminder,
    };

    /// <summary>The due times after a renewal for a missed due time of this kind: a missed reply takes the renewed reply due time, a missed sign-for only the sign-for.</summary>
    public Assignment Renewed(DeadlineKind missed, AssignmentDeadlines renewed) => this with
    {
        SignForDue = missed == DeadlineKind.SignFor ? renewed.SignForDue : SignForDue,
        ReplyDue = renewed.ReplyDue,
        ReplyReminder = renewed.ReplyReminder,
        ProposedReplyDue = null,
    };
}

/// <summary>The office's ruling a rejection waits for: when it is due, and whether its reminder and its miss were recorded.</summary>
public sealed record PendingRuling(DateTimeOffset Due, bool Reminded = false, bool Overdue = false);

/// <summary>A department's missed due time, as a breach notice (通报) names it.</summary>
public sealed record Breach(string Department, DeadlineKind Kind, DateTimeOffset DueAt);

/// <summary>
/// The round that last raised the whistle: the due time whose miss raised it, and when. A due time missed at or
/// before <see cref="MissedDue"/> belongs to this round and raises no further level.
/// </summary>
public sealed record EscalationRound(DateTimeOffset MissedDue, DateTimeOffset At)
{
    public bool Includes(DateTimeOffset dueAt) => dueAt <= MissedDue;
}

/// <summary>
/// The write model of a whistle: only what its decisions read. Built by folding the stream, each event returning the
/// next state; nothing mutates it. The commands answer with <see cref="WhistleAnswer"/>, not with this.
/// </summary>
public sealed record Whistle : IWriteModel<Whistle>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public Guid ComplaintId { get; init; }
    public string ComplaintNumber { get; init; } = "";
    public string CategoryId { get; init; } = "";
    /// <summary>The joint meeting's resolution this whistle dispatches; null for a whistle blown on a complaint.</summary>
    public WhistleOrigin? Origin { get; init; }
    /// <summary>The joint meeting's resolutions that took this whistle over (联席会议接办), in order.</summary>
    public ImmutableList<WhistleOrigin> TakenOver { get; init; } = [];
    public WhistleType Type { get; init; }
    public WhistleLevel Level { get; init; }
    public string CommunityCode { get; init; } = "";
    public string SubDistrictCode { get; init; } = "";
    public Actor BlownBy { get; init; } = new("", "", "");
    public bool Concluded { get; init; }
    public ImmutableList<Assignment> Assignments { get; init; } = [];
    public EscalationRound? LastRound { get; init; }
    /// <summary>The breaches already published (通报): each once.</summary>
    public ImmutableList<Breach> Noticed { get; init; } = [];
    /// <summary>The departments that have rated the whistler (部门评价属地): each once.</summary>
    public ImmutableHashSet<string> RatedWhistler { get; init; } = [];

    /// <summary>Where the whistle sits, as scope reads it: the area that blew it and every department it was assigned to.</summary>
    public CaseArea Area => new(CommunityCode, SubDistrictCode, Assignments.Select(a => a.Department).Distinct().ToList());

    public Assignment? Find(string department) => Assignments.FirstOrDefault(a => a.Department == department && a.Active);

    public static Whistle Create(WhistleBlown e) => new()
    {
        Id = e.WhistleId,
        ComplaintId = e.ComplaintId,
        ComplaintNumber = e.ComplaintNumber,
        CategoryId = e.CategoryId,
        Origin = e.Origin,
        Type = e.Type,
        Level = e.Level,
        CommunityCode = e.CommunityCode,
        SubDistrictCode = e.SubDistrictCode,
        BlownBy = e.By,
        Assignments = [.. e.Assignments.Select(a => Assignment.From(a, e.At))],
    };

    public Whistle Apply(AssignmentSignedFor e) => Change(e.Department, a => a with { Status = AssignmentStatus.SignedFor });

    public Whistle Apply(AssignmentReplied e) =>
        Change(e.Department, a => a with { Status = AssignmentStatus.Replied, ProposedReplyDue = null, RepliedAt = e.At });

    public Whistle Apply(ExtensionRequested e) => Change(e.Department, a => a with { ProposedReplyDue = e.ProposedReplyDue });

    public Whistle Apply(ExtensionGranted e) =>
        Change(e.Department, a => a with { ReplyDue = e.ReplyDue, ReplyReminder = e.ReplyReminder, ProposedReplyDue = null });

    public Whistle Apply(ExtensionRefused e) => Change(e.Department, a => a with { ProposedReplyDue = null });

    public Whistle Apply(AssignmentRejected e) => Change(e.Department, a => a with { Status = AssignmentStatus.Rejected });

    public Whistle Apply(RejectionArbitrated e)
    {
        if (e.Ruling == ArbitrationRuling.Overruled)
            return Change(e.Department, a => a with
            {
                Status = AssignmentStatus.SignedFor, ReplyDue = e.Renewed!.ReplyDue, ReplyReminder = e.Renewed.ReplyReminder,
                ProposedReplyDue = null, Overruled = true, AwaitingRuling = null,
            });
        var moved = Change(e.Department, a => a with { Status = AssignmentStatus.Reassigned, AwaitingRuling = null });
        return moved with { Assignments = moved.Assignments.Add(Assignment.From(e.Reassignment!, e.At)) };
    }

    public Whistle Apply(AssignmentOverdue e) => Change(e.Department, a => a with { Overdue = true, OverdueDue = e.DueAt });

    /// <summary>The round opens at the due time the department missed, recorded by the overdue event just before.</summary>
    public Whistle Apply(WhistleEscalated e) => Change(e.Department, a => a.Renewed(e.Missed, e.Renewed)) with
    {
        Level = e.To,
        LastRound = new EscalationRound(Find(e.Department)?.OverdueDue ?? e.At, e.At),
    };

    public Whistle Apply(AssignmentDeadlinesRenewed e) => Change(e.Department, a => a.Renewed(e.Missed, e.Renewed));

    public Whistle Apply(ReplyReturned e) => Change(e.Department, a => a with
    {
        Status = AssignmentStatus.SignedFor, ReplyDue = e.Renewed.ReplyDue, ReplyReminder = e.Renewed.ReplyReminder, ProposedReplyDue = null,
    });

    public Whistle Apply(WhistleConcluded e) => this with { Concluded = true };

    public Whistle Apply(WhistleTakenOverByMeeting e) => this with { TakenOver = TakenOver.Add(new WhistleOrigin(e.MeetingId, e.ItemNumber, e.ResolutionId)) };

    public Whistle Apply(AssignmentPaused e) => Change(e.Department, a => a with { AwaitingRuling = new PendingRuling(e.Ruling.Due) });

    public Whistle Apply(AssignmentPauseEnded e) => Change(e.Department, a => a with { AwaitingRuling = null });

    public Whistle Apply(RulingReminderSent e) =>
        Change(e.Department, a => a.AwaitingRuling is { } r ? a with { AwaitingRuling = r with { Reminded = true } } : a);

    public Whistle Apply(RulingOverdue e) =>
        Change(e.Department, a => a.AwaitingRuling is { } r ? a with { AwaitingRuling = r with { Overdue = true } } : a);

    public Whistle Apply(SupervisionOpened e) => this with { Level = e.To };

    public Whistle Apply(BreachNoticePublished e) => this with { Noticed = Noticed.Add(new Breach(e.Department, e.Missed, e.DueAt)) };

    // These change nothing a decision reads, but the fold must know them.
    public Whistle Apply(ReminderSent e) => this;

    public Whistle Apply(DepartmentRated e) => this;

    public Whistle Apply(WhistlerRated e) => this with { RatedWhistler = RatedWhistler.Add(e.Department) };

    public Whistle AtVersion(long version) => this with { Version = version };

    /// <summary>The one active assignment of the department, changed; a department not on the whistle changes nothing.</summary>
    private Whistle Change(string department, Func<Assignment, Assignment> change)
    {
        var index = Assignments.FindIndex(a => a.Department == department && a.Active);
        return index < 0 ? this : this with { Assignments = Assignments.SetItem(index, change(Assignments[index])) };
    }
}
