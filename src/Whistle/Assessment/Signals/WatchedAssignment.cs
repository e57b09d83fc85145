using System.Collections.Immutable;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Whistle.Complaints;
using Whistle.Whistles;

namespace Whistle.Assessment.Signals;

/// <summary>The patterns of event sequences that may mean a department is gaming its assessment (docs/assessment.md).</summary>
public enum SignalKind
{
    /// <summary>签收后又退单: signed for, then rejected.</summary>
    SignedForThenRejected = 1,
    /// <summary>再次退单: a department rejected again a whistle it had rejected before (overruled, or come back to it).</summary>
    RejectedAgain = 2,
    /// <summary>临期反馈被退回: replied in the last fraction of the time allowed, and the reply was returned (退回重办).</summary>
    LastMinuteReplyReturned = 3,
    /// <summary>办结后短期重开: the complaint was reopened soon after it was resolved or closed on the department's reply.</summary>
    ReopenedSoonAfterClosure = 4,
}

/// <summary>
/// The thresholds of the signals. Constants, so that a rebuild of the projection gives the same signals; a change is a
/// new version of the projection. See docs/assessment.md for a worked example.
/// </summary>
public static class SignalThresholds
{
    /// <summary>A reply given in the last 5% of the time allowed (from the assignment, or its renewal, to the reply due time) is last-minute.</summary>
    public const decimal LastFraction = 0.05m;

    /// <summary>A complaint reopened within 30 days of its latest resolution or closure was reopened soon.</summary>
    public static readonly TimeSpan ReopenWithin = TimeSpan.FromDays(30);

    /// <summary>Whether a reply at <paramref name="at"/> falls in the last fraction of the window from <paramref name="start"/> to <paramref name="due"/> (and not after it).</summary>
    public static bool IsLastMinute(DateTimeOffset start, DateTimeOffset due, DateTimeOffset at)
    {
        var allowed = due - start;
        if (allowed <= TimeSpan.Zero || at > due) return false;
        return at >= due - TimeSpan.FromTicks((long)(allowed.Ticks * LastFraction));
    }
}

/// <summary>One event behind a signal: its type, the stream it was appended to (whistle or complaint), and its time.</summary>
public sealed record SignalEvent(string Type, Guid StreamId, DateTimeOffset At);

/// <summary>One signal: what was seen, on which whistle (and complaint), and the events that show it.</summary>
public sealed record GamingSignal(SignalKind Kind, Guid WhistleId, Guid ComplaintId, IReadOnlyList<SignalEvent> Events);

/// <summary>
/// A signal as an assignment keeps it: with the place in the event store (global sequence) of the event that found it,
/// by which a department's month lists its signals in the order they were found.
/// </summary>
public sealed record FoundSignal(long Sequence, GamingSignal Signal);

/// <summary>How many signals of each kind a department has in the month; shown beside its score, never folded into it.</summary>
public sealed record SignalCounts(int SignedForThenRejected, int RejectedAgain, int LastMinuteReplyReturned, int ReopenedSoonAfterClosure)
{
    public int Total => SignedForThenRejected + RejectedAgain + LastMinuteReplyReturned + ReopenedSoonAfterClosure;

    public static readonly SignalCounts None = new(0, 0, 0, 0);

    public static SignalCounts Of(IReadOnlyCollection<GamingSignal> signals) => new(
        signals.Count(s => s.Kind == SignalKind.SignedForThenRejected), signals.Count(s => s.Kind == SignalKind.RejectedAgain),
        signals.Count(s => s.Kind == SignalKind.LastMinuteReplyReturned), signals.Count(s => s.Kind == SignalKind.ReopenedSoonAfterClosure));
}

/// <summary>
/// One department's assignment on one whistle as the gaming signals watch it, keyed "gongan:{whistle id}"
/// (<see cref="Key"/>): its month (the month of the first sign-for due time it was given, on the county's clock, as its
/// scorecard counts it; fixed once given), the events a later event may complete a pattern with, and the signals found
/// on it. A department's signals of a month are the month's documents of the department, composed when read
/// (<see cref="DepartmentSignalsView.Compose(string, string, IEnumerable{WatchedAssignment})"/>). Built by the async daemon; each event rewrites the small documents of
/// the assignments it concerns.
/// The reply window starts when the department got the assignment, or when its reply due time was renewed (a returned
/// reply, an overruled rejection, a missed reply); an extension moves the due time, not the start.
/// </summary>
public sealed record WatchedAssignment
{
    /// <summary>"{department}:{whistle id}".</summary>
    public string Id { get; init; } = "";
    public string Department { get; init; } = "";
    /// <summary>The month of the first sign-for due time the department was given on the whistle (<see cref="AssessmentMonth.Of"/>), yyyy-MM.</summary>
    public string Month { get; init; } = "";
    public Guid WhistleId { get; init; }
    /// <summary>The whistle's complaint; empty for a department brought on by an upheld rejection (the ruling does not carry it).</summary>
    public Guid ComplaintId { get; init; }
    /// <summary>
    /// The place in the event store of the event that gave the assignment (set by the projection): a reopening that
    /// charges several assignments of a department's month lists them in this order, the order they were given in.
    /// </summary>
    public long GivenSequence { get; init; }
    public DateTimeOffset WindowStart { get; init; }
    public DateTimeOffset ReplyDue { get; init; }
    public SignalEvent? SignedFor { get; init; }
    public ImmutableList<SignalEvent> Rejections { get; init; } = [];
    /// <summary>The latest reply, and whether it came in the last fraction of its window.</summary>
    public SignalEvent? Reply { get; init; }
    public bool LastReplyLastMinute { get; init; }
    /// <summary>The complaint's latest resolution or closure.</summary>
    public SignalEvent? Closure { get; init; }
    /// <summary>The signals found on this assignment, in the order they were found.</summary>
    public ImmutableList<FoundSignal> Signals { get; init; } = [];

    public static string Key(string department, Guid whistleId) => $"{department}:{whistleId}";

    /// <summary>
    /// The document after one event routed to it (the projection routes the events of the department on the whistle, and
    /// a complaint's resolution, closure and reopening to every department of its whistles); null while the assignment
    /// has not been given: only a whistle blown, or a ruling that reassigns the whistle to the department, gives it.
    /// <paramref name="sequence"/> is the event's place in the event store, stamped on what it finds. Pure: the
    /// projection's whole logic, and what the unit tests fold.
    /// </summary>
    public static WatchedAssignment? Next(WatchedAssignment? doc, string id, object data, long sequence = 0) => (doc, data) switch
    {
        (null, WhistleBlown e) => e.Assignments.FirstOrDefault(a => Key(a.Department, e.WhistleId) == id) is { } a
            ? new WatchedAssignment
            {
                Id = id, Department = a.Department, Month = AssessmentMonth.Of(a.Deadlines.SignForDue), WhistleId = e.WhistleId,
                ComplaintId = e.ComplaintId, GivenSequence = sequence, WindowStart = e.At, ReplyDue = a.Deadlines.ReplyDue,
            }
            : null,
        (null, RejectionArbitrated { Reassignment: { } terms } e) when Key(terms.Department, e.WhistleId) == id => new WatchedAssignment
        {
            Id = id, Department = terms.Department, Month = AssessmentMonth.Of(terms.Deadlines.SignForDue), WhistleId = e.WhistleId,
            GivenSequence = sequence, WindowStart = e.At, ReplyDue = terms.Deadlines.ReplyDue,
        },
        (null, _) => null,
        (_, RejectionArbitrated e) when e.WhistleId == doc.WhistleId => doc.Arbitrated(e),
        (_, AssignmentSignedFor e) when doc.Concerns(e.WhistleId, e.Department) => doc with { SignedFor = doc.SignedFor ?? Seen(e, e.WhistleId, e.At) },
        (_, AssignmentRejected e) when doc.Concerns(e.WhistleId, e.Department) => doc.Rejected(e, sequence),
        (_, AssignmentReplied e) when doc.Concerns(e.WhistleId, e.Department) => doc with
        {
            Reply = Seen(e, e.WhistleId, e.At), LastReplyLastMinute = SignalThresholds.IsLastMinute(doc.WindowStart, doc.ReplyDue, e.At),
        },
        (_, ReplyReturned e) when doc.Concerns(e.WhistleId, e.Department) => doc.Returned(e, sequence),
        (_, ExtensionGranted e) when doc.Concerns(e.WhistleId, e.Department) => doc with { ReplyDue = e.ReplyDue },
        (_, WhistleEscalated e) when doc.Concerns(e.WhistleId, e.Department) => doc.Renewed(e.Missed, e.Renewed.ReplyDue, e.At),
        (_, AssignmentDeadlinesRenewed e) when doc.Concerns(e.WhistleId, e.Department) => doc.Renewed(e.Missed, e.Renewed.ReplyDue, e.At),
        (_, ComplaintResolved e) when e.ComplaintId == doc.ComplaintId => doc with { Closure = Seen(e, e.ComplaintId, e.At) },
        (_, ComplaintClosed e) when e.ComplaintId == doc.ComplaintId => doc with { Closure = Seen(e, e.ComplaintId, e.At) },
        (_, ComplaintReopened e) when e.ComplaintId == doc.ComplaintId => doc.Reopened(e, sequence),
        _ => doc,
    };

    private bool Concerns(Guid whistleId, string department) => whistleId == WhistleId && department == Department;

    private static SignalEvent Seen(object e, Guid stream, DateTimeOffset at) => new(e.GetType().Name, stream, at);

    private WatchedAssignment Found(long sequence, SignalKind kind, params SignalEvent[] events) =>
        this with { Signals = Signals.Add(new FoundSignal(sequence, new GamingSignal(kind, WhistleId, ComplaintId, events))) };

    private WatchedAssignment Rejected(AssignmentRejected e, long sequence)
    {
        var rejected = Seen(e, e.WhistleId, e.At);
        var doc = this;
        if (SignedFor is { } signed && signed.At <= e.At) doc = doc.Found(sequence, SignalKind.SignedForThenRejected, signed, rejected);
        if (!Rejections.IsEmpty) doc = doc.Found(sequence, SignalKind.RejectedAgain, [.. Rejections, rejected]);
        return doc with { Rejections = Rejections.Add(rejected) };
    }

    private WatchedAssignment Arbitrated(RejectionArbitrated e)
    {
        // An overruled department must handle it: its reply window starts again at the ruling.
        var doc = e.Department != Department || e.Ruling != ArbitrationRuling.Overruled || e.Renewed is not { } renewed ? this
            : this with { WindowStart = e.At, ReplyDue = renewed.ReplyDue, Rejections = Rejections.Add(Seen(e, e.WhistleId, e.At)) };
        // The whistle came back to this department: a new window; the assignment keeps its history (and its month).
        return e.Reassignment is { } terms && terms.Department == Department
            ? doc with { WindowStart = e.At, ReplyDue = terms.Deadlines.ReplyDue, SignedFor = null }
            : doc;
    }

    private WatchedAssignment Returned(ReplyReturned e, long sequence)
    {
        var doc = LastReplyLastMinute && Reply is { } reply
            ? Found(sequence, SignalKind.LastMinuteReplyReturned, reply, Seen(e, e.WhistleId, e.At))
            : this;
        return doc with { WindowStart = e.At, ReplyDue = e.Renewed.ReplyDue, LastReplyLastMinute = false };
    }

    /// <summary>A missed reply renews the reply window from now; a missed sign-for leaves the reply due time as it was.</summary>
    private WatchedAssignment Renewed(DeadlineKind missed, DateTimeOffset replyDue, DateTimeOffset at) =>
        missed == DeadlineKind.Reply ? this with { WindowStart = at, ReplyDue = replyDue } : this with { ReplyDue = replyDue };

    /// <summary>
    /// Charged when the department's reply stood when the complaint was last resolved or closed, and the reopening comes
    /// within <see cref="SignalThresholds.ReopenWithin"/> of it; once per closure.
    /// </summary>
    private WatchedAssignment Reopened(ComplaintReopened e, long sequence)
    {
        var doc = Reply is { } reply && Closure is { } closure && reply.At <= closure.At && e.At - closure.At <= SignalThresholds.ReopenWithin
            ? Found(sequence, SignalKind.ReopenedSoonAfterClosure, reply, closure, Seen(e, e.ComplaintId, e.At))
            : this;
        return doc with { Closure = null };
    }
}

/// <summary>
/// The async projection (run by Marten's daemon) of the gaming signals: one <see cref="WatchedAssignment"/> per
/// department on a whistle. A whistle event names its whistle and the departments it concerns (an arbitration: the one
/// that rejected, and the one it moved to); a complaint's resolution, closure or reopening goes to every department
/// ever on the complaint's whistles, found on <see cref="WhistleDetails"/> (kept inline; a whistle's complaint never
/// changes and its departments only grow, so a rebuild gives the same documents), and the fold keeps the assignments
/// of that complaint.
/// </summary>
public partial class WatchedAssignmentProjection : MultiStreamProjection<WatchedAssignment, string>
{
    public WatchedAssignmentProjection()
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
        IncludeType<ComplaintResolved>();
        IncludeType<ComplaintClosed>();
        IncludeType<ComplaintReopened>();
        CustomGrouping(Group);
    }

    public override WatchedAssignment? Evolve(WatchedAssignment? snapshot, string id, IEvent e) => WatchedAssignment.Next(snapshot, id, e.Data, e.Sequence);

    /// <summary>The keys of a whistle event: its whistle with each department it concerns.</summary>
    public static IEnumerable<string> KeysOf(object data) => data switch
    {
        WhistleBlown e => e.Assignments.Select(a => WatchedAssignment.Key(a.Department, e.WhistleId)).Distinct(),
        RejectionArbitrated { Reassignment: { } terms } e =>
            new[] { e.Department, terms.Department }.Distinct().Select(d => WatchedAssignment.Key(d, e.WhistleId)),
        RejectionArbitrated e => [WatchedAssignment.Key(e.Department, e.WhistleId)],
        AssignmentSignedFor e => [WatchedAssignment.Key(e.Department, e.WhistleId)],
        AssignmentRejected e => [WatchedAssignment.Key(e.Department, e.WhistleId)],
        AssignmentReplied e => [WatchedAssignment.Key(e.Department, e.WhistleId)],
        ReplyReturned e => [WatchedAssignment.Key(e.Department, e.WhistleId)],
        ExtensionGranted e => [WatchedAssignment.Key(e.Department, e.WhistleId)],
        WhistleEscalated e => [WatchedAssignment.Key(e.Department, e.WhistleId)],
        AssignmentDeadlinesRenewed e => [WatchedAssignment.Key(e.Department, e.WhistleId)],
        _ => [],
    };

    private static Guid? ComplaintOf(object data) => data switch
    {
        ComplaintResolved e => e.ComplaintId,
        ComplaintClosed e => e.ComplaintId,
        ComplaintReopened e => e.ComplaintId,
        _ => null,
    };

    private sealed record WhistleDepartments(Guid Id, Guid ComplaintId, List<string> Departments);

    private static async Task Group(IQuerySession session, IReadOnlyList<IEvent> events, JasperFx.Events.Grouping.IEventGrouping<string> grouping)
    {
        // Case ids are unique across counties: the lookup needs no tenant, and the daemon's session may have none.
        var complaints = events.Select(e => ComplaintOf(e.Data)).OfType<Guid>().Distinct().ToArray();
        var keysOf = complaints.Length == 0 ? Enumerable.Empty<WhistleDepartments>().ToLookup(w => w.ComplaintId, w => "")
            : (await session.Query<WhistleDetails>().Where(w => w.AnyTenant() && complaints.Contains(w.ComplaintId))
                    .Select(w => new WhistleDepartments(w.Id, w.ComplaintId, w.Departments)).ToListAsync())
                .SelectMany(w => w.Departments.Select(d => (w.ComplaintId, Key: WatchedAssignment.Key(d, w.Id))))
                .ToLookup(w => w.ComplaintId, w => w.Key);

        foreach (var e in events)
        {
            var keys = ComplaintOf(e.Data) is { } complaint ? keysOf[complaint].Distinct() : KeysOf(e.Data);
            foreach (var key in keys) grouping.AddEvent(key, e);
        }
    }
}
