using JasperFx.Events;
using Marten.Events.Aggregation;
using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.Whistles;

/// <summary>Everything about one whistle: who blew it, each department's part and due times, escalations, ratings.</summary>
public sealed class WhistleDetails
{
    /// <summary>Where scope reads a whistle: its community, its sub-district, every department it was ever assigned to.</summary>
    public static readonly CaseFields<WhistleDetails> Fields =
        new(CaseKind.Whistle, x => x.CommunityCode, x => x.SubDistrictCode, x => x.Departments);

    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid ComplaintId { get; set; }
    public string ComplaintNumber { get; set; } = "";
    public string CategoryId { get; set; } = "";
    public WhistleType Type { get; set; }
    public WhistleLevel Level { get; set; }
    public bool Concluded { get; set; }
    public string CommunityCode { get; set; } = "";
    public string SubDistrictCode { get; set; } = "";
    public string Need { get; set; } = "";
    public Actor BlownBy { get; set; } = new("", "", "");
    public DateTimeOffset BlownAt { get; set; }
    public DateTimeOffset? ConcludedAt { get; set; }
    public int CatalogueVersion { get; set; }
    public int PolicyVersion { get; set; }
    public int CalendarVersion { get; set; }
    public string? DepartureReason { get; set; }
    /// <summary>The joint meeting's resolution this whistle dispatches; null for a whistle blown on a complaint.</summary>
    public WhistleOrigin? Origin { get; set; }
    /// <summary>The joint meetings' resolutions that took this whistle over (联席会议接办) and the whistles they dispatched.</summary>
    public List<WhistleTakenOverByMeeting> TakenOver { get; set; } = [];
    public List<AssignmentView> Assignments { get; set; } = [];
    public List<Escalation> Escalations { get; set; } = [];
    /// <summary>The breaches published (通报) on this whistle, oldest first.</summary>
    public List<BreachNoticeView> BreachNotices { get; set; } = [];
    /// <summary>Every department the whistle was ever assigned to, reassigned away or not: each may read it.</summary>
    public List<string> Departments { get; set; } = [];
    /// <summary>The departments with work still to do on this whistle: what their inboxes show.</summary>
    public List<string> OpenDepartments { get; set; } = [];

    /// <summary>
    /// A climb of the whistle: <see cref="Department"/> missed a due time of kind <see cref="Missed"/>; or, with
    /// <see cref="RulingOverdue"/> (and no <see cref="Missed"/>), the office's ruling on its rejection was not given in time.
    /// </summary>
    public sealed record Escalation(
        WhistleLevel From, WhistleLevel To, string Department, DeadlineKind? Missed, DateTimeOffset At, bool RulingOverdue = false);

    /// <summary>
    /// A stretch in which the department's clock stood still: from <see cref="From"/> until <see cref="To"/> (null: still
    /// paused). Paused by a rejection, it waits for the office's ruling, due at <see cref="RulingDue"/>.
    /// </summary>
    public sealed record Pause(
        DateTimeOffset From, DateTimeOffset? To, PauseReason Reason, DateTimeOffset RulingDue, DateTimeOffset RulingReminder,
        bool RulingReminded = false, bool RulingOverdue = false)
    {
        public string ReasonLabel => Reason switch
        {
            PauseReason.AwaitingRuling => "退单待审定",
            _ => Reason.ToString(),
        };
    }

    /// <summary>A breach published (通报): the department, what it missed and when it was due, overdue since, published at.</summary>
    public sealed record BreachNoticeView(
        string Department, DeadlineKind Missed, DateTimeOffset DueAt, DateTimeOffset OverdueSince, DateTimeOffset PublishedAt);

    public sealed class AssignmentView
    {
        public string Department { get; set; } = "";
        public AssignmentRole Role { get; set; }
        public AssignmentStatus Status { get; set; }
        public string StatusLabel => Status.Label();
        public DateTimeOffset SignForDue { get; set; }
        public DateTimeOffset SignForReminder { get; set; }
        public DateTimeOffset ReplyDue { get; set; }
        public DateTimeOffset ReplyReminder { get; set; }
        /// <summary>Until when the department may reject the assignment (退单); null on one recorded before the window existed.</summary>
        public DateTimeOffset? RejectionWindowEnd { get; set; }
        /// <summary>Every pause of the department's clock, in order; the last one open while it lasts.</summary>
        public List<Pause> Pauses { get; set; } = [];
        /// <summary>Since when the department's clock stands still, while it does.</summary>
        public DateTimeOffset? PausedSince => Pauses.Count > 0 && Pauses[^1].To is null ? Pauses[^1].From : null;
        public DateTimeOffset? SignedForAt { get; set; }
        public DateTimeOffset? RepliedAt { get; set; }
        public string? Result { get; set; }
        public List<string> Evidence { get; set; } = [];
        public bool Overdue { get; set; }
        public int Reminders { get; set; }
        public DateTimeOffset? ProposedReplyDue { get; set; }
        public string? ExtensionReason { get; set; }
        public string? RejectionBasis { get; set; }
        public string? Ruling { get; set; }
        public int Returned { get; set; }
        public int? Score { get; set; }
        public string? RatingComment { get; set; }
        /// <summary>The department's rating of the whistler (部门评价属地): well-founded (合理) and cooperation (配合), 1–5.</summary>
        public int? WhistlerWellFounded { get; set; }
        public int? WhistlerCooperation { get; set; }
        public string? WhistlerComment { get; set; }
        /// <summary>The department had no active officer in the staff register when the whistle was blown on it (item 7).</summary>
        public bool WithoutActiveOfficer { get; set; }
    }

    public AssignmentView? Find(string department) =>
        Assignments.FirstOrDefault(a => a.Department == department && a.Status != AssignmentStatus.Reassigned);
}

public partial class WhistleDetailsProjection : SingleStreamProjection<WhistleDetails, Guid>
{
    public static WhistleDetails Create(IEvent<WhistleBlown> e)
    {
        var d = new WhistleDetails
        {
            Id = e.Data.WhistleId, ComplaintId = e.Data.ComplaintId, ComplaintNumber = e.Data.ComplaintNumber,
            CategoryId = e.Data.CategoryId, Type = e.Data.Type, Level = e.Data.Level, CommunityCode = e.Data.CommunityCode,
            SubDistrictCode = e.Data.SubDistrictCode, Need = e.Data.Need, BlownBy = e.Data.By, BlownAt = e.Data.At,
            CatalogueVersion = e.Data.CatalogueVersion, DepartureReason = e.Data.DepartureReason, Origin = e.Data.Origin,
            PolicyVersion = e.Data.Assignments[0].Deadlines.PolicyVersion,
            CalendarVersion = e.Data.Assignments[0].Deadlines.CalendarVersion,
            Assignments = e.Data.Assignments.Select(View).ToList(),
        };
        foreach (var a in d.Assignments) a.WithoutActiveOfficer = e.Data.WithoutActiveOfficer?.Contains(a.Department) == true;
        return Touch(e, d);
    }

    private static WhistleDetails.AssignmentView View(AssignmentTerms t) => new()
    {
        Department = t.Department, Role = t.Role, Status = AssignmentStatus.Awaiting,
        SignForDue = t.Deadlines.SignForDue, SignForReminder = t.Deadlines.SignForReminder,
        ReplyDue = t.Deadlines.ReplyDue, ReplyReminder = t.Deadlines.ReplyReminder, RejectionWindowEnd = t.RejectionWindowEnd,
    };

    public static WhistleDetails Apply(IEvent<AssignmentSignedFor> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a => (a.Status, a.SignedForAt) = (AssignmentStatus.SignedFor, e.Data.At));

    public static WhistleDetails Apply(IEvent<AssignmentReplied> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a =>
            (a.Status, a.RepliedAt, a.Result, a.Evidence, a.ProposedReplyDue) =
                (AssignmentStatus.Replied, e.Data.At, e.Data.Result, e.Data.Evidence.ToList(), null));

    public static WhistleDetails Apply(IEvent<ExtensionRequested> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a => (a.ProposedReplyDue, a.ExtensionReason) = (e.Data.ProposedReplyDue, e.Data.Reason));

    public static WhistleDetails Apply(IEvent<ExtensionGranted> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a =>
            (a.ReplyDue, a.ReplyReminder, a.ProposedReplyDue) = (e.Data.ReplyDue, e.Data.ReplyReminder, null));

    public static WhistleDetails Apply(IEvent<ExtensionRefused> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a => a.ProposedReplyDue = null);

    public static WhistleDetails Apply(IEvent<AssignmentRejected> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a => (a.Status, a.RejectionBasis) = (AssignmentStatus.Rejected, e.Data.LegalBasis));

    public static WhistleDetails Apply(IEvent<RejectionArbitrated> e, WhistleDetails d)
    {
        var a = d.Find(e.Data.Department)!;
        a.Ruling = e.Data.Ruling.ToString();
        if (e.Data.Ruling == ArbitrationRuling.Upheld)
        {
            a.Status = AssignmentStatus.Reassigned;
            d.Assignments.Add(View(e.Data.Reassignment!));
        }
        else
        {
            (a.Status, a.ReplyDue, a.ReplyReminder, a.ProposedReplyDue) =
                (AssignmentStatus.SignedFor, e.Data.Renewed!.ReplyDue, e.Data.Renewed.ReplyReminder, null);
        }
        return Touch(e, d);
    }

    public static WhistleDetails Apply(IEvent<ReminderSent> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a => a.Reminders++);

    public static WhistleDetails Apply(IEvent<AssignmentOverdue> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a => a.Overdue = true);

    public static WhistleDetails Apply(IEvent<WhistleEscalated> e, WhistleDetails d)
    {
        d.Level = e.Data.To;
        d.Escalations.Add(new WhistleDetails.Escalation(e.Data.From, e.Data.To, e.Data.Department, e.Data.Missed, e.Data.At));
        return Change(e, d, e.Data.Department, a =>
        {
            if (e.Data.Missed == DeadlineKind.SignFor) (a.SignForDue, a.SignForReminder) = (e.Data.Renewed.SignForDue, e.Data.Renewed.SignForReminder);
            (a.ReplyDue, a.ReplyReminder, a.ProposedReplyDue) = (e.Data.Renewed.ReplyDue, e.Data.Renewed.ReplyReminder, null);
        });
    }

    public static WhistleDetails Apply(IEvent<AssignmentDeadlinesRenewed> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a =>
        {
            if (e.Data.Missed == DeadlineKind.SignFor) (a.SignForDue, a.SignForReminder) = (e.Data.Renewed.SignForDue, e.Data.Renewed.SignForReminder);
            (a.ReplyDue, a.ReplyReminder, a.ProposedReplyDue) = (e.Data.Renewed.ReplyDue, e.Data.Renewed.ReplyReminder, null);
        });

    public static WhistleDetails Apply(IEvent<ReplyReturned> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a =>
        {
            (a.Status, a.ReplyDue, a.ReplyReminder, a.ProposedReplyDue) =
                (AssignmentStatus.SignedFor, e.Data.Renewed.ReplyDue, e.Data.Renewed.ReplyReminder, null);
            a.Returned++;
        });

    public static WhistleDetails Apply(IEvent<DepartmentRated> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a => (a.Score, a.RatingComment) = (e.Data.Score, e.Data.Comment));

    public static WhistleDetails Apply(IEvent<WhistlerRated> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a => (a.WhistlerWellFounded, a.WhistlerCooperation, a.WhistlerComment) =
            (e.Data.WellFounded, e.Data.Cooperation, e.Data.Comment));

    public static WhistleDetails Apply(IEvent<AssignmentPaused> e, WhistleDetails d) =>
        Change(e, d, e.Data.Department, a => a.Pauses.Add(
            new WhistleDetails.Pause(e.Data.At, null, e.Data.Reason, e.Data.Ruling.Due, e.Data.Ruling.Reminder)));

    public static WhistleDetails Apply(IEvent<AssignmentPauseEnded> e, WhistleDetails d) =>
        ChangePause(e, d, e.Data.Department, p => p with { To = e.Data.At });

    public static WhistleDetails Apply(IEvent<RulingReminderSent> e, WhistleDetails d) =>
        ChangePause(e, d, e.Data.Department, p => p with { RulingReminded = true });

    public static WhistleDetails Apply(IEvent<RulingOverdue> e, WhistleDetails d) =>
        ChangePause(e, d, e.Data.Department, p => p with { RulingOverdue = true });

    public static WhistleDetails Apply(IEvent<SupervisionOpened> e, WhistleDetails d)
    {
        d.Level = e.Data.To;
        d.Escalations.Add(new WhistleDetails.Escalation(e.Data.From, e.Data.To, e.Data.Department, null, e.Data.At, RulingOverdue: true));
        return Touch(e, d);
    }

    public static WhistleDetails Apply(IEvent<BreachNoticePublished> e, WhistleDetails d)
    {
        d.BreachNotices.Add(new WhistleDetails.BreachNoticeView(e.Data.Department, e.Data.Missed, e.Data.DueAt, e.Data.OverdueSince, e.Data.At));
        return Touch(e, d);
    }

    public static WhistleDetails Apply(IEvent<WhistleTakenOverByMeeting> e, WhistleDetails d)
    {
        d.TakenOver.Add(e.Data);
        return Touch(e, d);
    }

    public static WhistleDetails Apply(IEvent<WhistleConcluded> e, WhistleDetails d)
    {
        (d.Concluded, d.ConcludedAt) = (true, e.Data.At);
        return Touch(e, d);
    }

    private static WhistleDetails Change(IEvent e, WhistleDetails d, string department, Action<WhistleDetails.AssignmentView> change)
    {
        if (d.Find(department) is { } a) change(a);
        return Touch(e, d);
    }

    /// <summary>The department's open pause, changed; with none open nothing changes.</summary>
    private static WhistleDetails ChangePause(IEvent e, WhistleDetails d, string department, Func<WhistleDetails.Pause, WhistleDetails.Pause> change) =>
        Change(e, d, department, a =>
        {
            if (a.Pauses.Count > 0 && a.Pauses[^1].To is null) a.Pauses[^1] = change(a.Pauses[^1]);
        });

    private static WhistleDetails Touch(IEvent e, WhistleDetails d)
    {
        d.Version = e.Version;
        d.Departments = d.Assignments.Select(a => a.Department).Distinct().ToList();
        d.OpenDepartments = d.Concluded
            ? []
            : d.Assignments.Where(a => a.Status is AssignmentStatus.Awaiting or AssignmentStatus.SignedFor or AssignmentStatus.Rejected)
                .Select(a => a.Department).ToList();
        return d;
    }
}
