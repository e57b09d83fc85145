using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.Privacy;
using Whistle.Privacy.Sealing;

namespace Whistle.Complaints;

// Every event of a Complaint stream: the catalogue of what can happen to a complaint.
// Each carries the complaint id, the actor and the business time. A released event is never edited.

/// <summary>How a complaint reached the county.</summary>
public enum ComplaintChannel
{
    Hotline = 1,      // 12345 热线
    WalkIn = 2,       // 来访
    Online = 3,       // 网上 (WeChat, app, web)
    GridPatrol = 4,   // 网格巡查
    Referral = 5,     // 转办 (another body referred it)
}

/// <summary>What the complainant said on the follow-up call (回访).</summary>
public enum Satisfaction
{
    Satisfied = 1,          // 满意
    BasicallySatisfied = 2, // 基本满意
    Unsatisfied = 3,        // 不满意
}

public enum NoteVisibility
{
    Internal = 1,   // 内部备注: staff only
    Public = 2,     // 公开答复: shown to the complainant
}

/// <summary>
/// The complainant's personal data, one data subject: sealed under the subject's own key when lodged
/// (<see cref="SealedBy"/>), so erasing the key erases it; masked in every answer.
/// </summary>
public sealed record Complainant(string Name, string Phone, string? Address)
{
    /// <summary>Opened by the keys, then masked (an erased complainant reads as erased).</summary>
    public Complainant Masked(Keyring keys) => new(
        PersonalDatum.Of(PersonalDataKind.Name, keys.Open(Name)), PersonalDatum.Of(PersonalDataKind.Phone, keys.Open(Phone)),
        Address is null ? null : PersonalDatum.Of(PersonalDataKind.Address, keys.Open(Address)));

    /// <summary>Text from before sealing (or a test's) masked as it stands.</summary>
    public Complainant Masked() => Masked(Keyring.Empty);

    /// <summary>The complainant sealed as a new data subject of their own.</summary>
    public Complainant SealedBy(PersonalDataVault.Sealer sealer)
    {
        var subject = PersonalDataVault.Sealer.NewSubject();
        return new(sealer.Seal(subject, Name), sealer.Seal(subject, Phone), Address is null ? null : sealer.Seal(subject, Address));
    }
}

public sealed record ComplaintLodged(
    Guid ComplaintId,
    string Number,
    ComplaintChannel Channel,
    string CategoryId,
    string CompoundId,
    string CommunityId,
    string SubDistrictId,
    Complainant Complainant,
    string Description,
    Actor By,
    DateTimeOffset At,
    ComplaintUrgency? Urgency = null,
    ComplaintDeadline? Due = null,
    string? PropertyCompanyCode = null);

// Due (an optional trailing field on lodging, acceptance, resolution and reopening): the next step's due time, set by
// the act that starts that step. Null on events recorded before complaints had time limits: no step is timed.
// Urgency: null on complaints lodged before it existed, which are ordinary.
// PropertyCompanyCode (on lodging, resolution and follow-up): the company serving the compound the day the complaint was
// lodged, so that its credit file can charge it without looking the directory up; null when the compound names no
// company, and on events recorded before it existed (those complaints are outside every credit file).

public sealed record ComplaintAccepted(Guid ComplaintId, Actor By, DateTimeOffset At, ComplaintDeadline? Due = null);

public sealed record ComplaintDeclined(Guid ComplaintId, string Reason, string? RedirectTo, Actor By, DateTimeOffset At);

public sealed record ComplaintNoteAdded(
    Guid ComplaintId, Guid NoteId, NoteVisibility Visibility, string Text, Actor By, DateTimeOffset At);

public sealed record ComplaintResolved(
    Guid ComplaintId, string Outcome, Actor By, DateTimeOffset At, ComplaintDeadline? Due = null, string? PropertyCompanyCode = null);

public sealed record ComplaintFollowUpRecorded(
    Guid ComplaintId, Satisfaction Satisfaction, string? Comment, Actor By, DateTimeOffset At, string? PropertyCompanyCode = null);

public sealed record ComplaintClosed(Guid ComplaintId, Actor By, DateTimeOffset At);

public sealed record ComplaintReopened(Guid ComplaintId, string Reason, Actor By, DateTimeOffset At, ComplaintDeadline? Due = null);

public sealed record ComplaintWithdrawn(Guid ComplaintId, string Reason, Actor By, DateTimeOffset At);

public sealed record ComplaintMarkedDuplicate(
    Guid ComplaintId, Guid OriginalId, string OriginalNumber, Actor By, DateTimeOffset At);

/// <summary>Appended to both complaints: each records the other.</summary>
public sealed record ComplaintLinked(
    Guid ComplaintId, Guid OtherComplaintId, string OtherNumber, Actor By, DateTimeOffset At);

/// <summary>The community (or sub-district) blew the whistle on this complaint; the whistle's stream starts with it.</summary>
public sealed record ComplaintWhistled(
    Guid ComplaintId, Guid WhistleId, WhistleType Type, IReadOnlyList<string> Departments, Actor By, DateTimeOffset At);

/// <summary>The whistle concluded: the departments replied and the whistler confirmed. The complaint can be resolved.</summary>
public sealed record ComplaintWhistleConcluded(Guid ComplaintId, Guid WhistleId, Actor By, DateTimeOffset At);

/// <summary>
/// The joint-meeting office upheld a department's rejection and moved its part to another department: the complaint's
/// summary of the whistle names the departments that now handle it. Appended in the ruling's own transaction.
/// </summary>
public sealed record ComplaintWhistleReassigned(
    Guid ComplaintId, Guid WhistleId, IReadOnlyList<string> Departments, Actor By, DateTimeOffset At);

/// <summary>Another case gives this complaint as its reason (a fee dispute's service defect); it is told when the complaint is resolved.</summary>
public sealed record ComplaintCited(Guid ComplaintId, Guid CitingCaseId, string CitingNumber, Actor By, DateTimeOffset At);

/// <summary>
/// 催办: the reminder before the due time of the step now due went out. It tells the workers of the complaint's
/// community, who handle it (the hotline clerks have no audience of their own).
/// </summary>
public sealed record ComplaintReminderSent(
    Guid ComplaintId, ComplaintStep Step, DateTimeOffset DueAt, DateTimeOffset At, IReadOnlyList<Audience>? Told = null) : IRecordsTimePassing;

/// <summary>
/// The step now due missed its due time: the complaint is overdue until the step is done. It tells the complaint's
/// community, which must act, and the joint-meeting office, which supervises overdue work (催办通知书).
/// </summary>
public sealed record ComplaintOverdue(
    Guid ComplaintId, ComplaintStep Step, DateTimeOffset DueAt, DateTimeOffset At, IReadOnlyList<Audience>? Told = null) : IRecordsTimePassing;

// The passing of time: scheduled when a step's due time is set, never cancelled. Each carries the due time it was set
// for; a handler that finds the step done, or another due time current, does nothing.

public sealed record ComplaintReminderDue(Guid ComplaintId, ComplaintStep Step, DateTimeOffset DueAt) : ITimePassed;

public sealed record ComplaintDeadlineReached(Guid ComplaintId, ComplaintStep Step, DateTimeOffset DueAt) : ITimePassed;

/// <summary>The catalogue itself: every event a complaint stream may hold, registered with Marten by <see cref="ComplaintsSetup"/>.</summary>
public static class ComplaintEventTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(ComplaintLodged), typeof(ComplaintAccepted), typeof(ComplaintDeclined), typeof(ComplaintNoteAdded),
        typeof(ComplaintResolved), typeof(ComplaintFollowUpRecorded), typeof(ComplaintClosed), typeof(ComplaintReopened),
        typeof(ComplaintWithdrawn), typeof(ComplaintMarkedDuplicate), typeof(ComplaintLinked), typeof(ComplaintWhistled),
        typeof(ComplaintWhistleConcluded), typeof(ComplaintCited), typeof(ComplaintWhistleReassigned),
        typeof(ComplaintReminderSent), typeof(ComplaintOverdue),
    ];
}
