using Whistle.Kernel;

namespace Whistle.Mediation;

// Every event of a MediationCase stream (人民调解案件), following the People's Mediation Law. Each carries the case
// id, the actor and the business time.

/// <summary>How the case came to the mediation centre (Art. 17–18).</summary>
public enum ReferralSource
{
    Party = 1,       // 当事人申请
    Court = 2,       // 法院委派
    Police = 3,      // 公安转交
    Hotline = 4,     // 12345 热线转办
    Complaint = 5,   // 投诉转调解
    FeeDispute = 6,  // 物业费纠纷转调解
}

public enum PartySide
{
    Applicant = 1,   // 申请人
    Respondent = 2,  // 被申请人
}

public sealed record MediationParty(string Name, string? Phone, PartySide Side, bool IsOrganisation = false);

/// <summary>A party applied, or a body referred the dispute: the case exists and waits for both parties' consent.</summary>
public sealed record MediationCaseOpened(
    Guid MediationCaseId,
    string Number,
    ReferralSource Source,
    Guid? SourceCaseId,
    string? SourceNumber,
    string? SourceReference,
    IReadOnlyList<MediationParty> Parties,
    string Matter,
    string? PropertyCompanyCode,
    string? CompoundCode,
    string? CommunityCode,
    string? SubDistrictCode,
    Actor By,
    DateTimeOffset At);

public enum MediationResult
{
    NotMediated = 1,      // a party refused: not mediated
    Failed = 2,           // 调解不成
    AgreementSigned = 3,  // 达成调解协议
}

/// <summary>
/// Cascaded when a mediation case referred from a fee dispute reaches its result, so that the dispute records it
/// (a failed mediation is one of the conditions of a credit-record referral).
/// </summary>
public sealed record MediationOutcomeReached(
    Guid MediationCaseId, string MediationNumber, MediationResult Result, Guid FeeDisputeId, Actor By, DateTimeOffset At);

/// <summary>How the mediator came to the case (Art. 19).</summary>
public enum MediatorSelection
{
    ChosenByParties = 1,  // 当事人选择
    Appointed = 2,        // 调解委员会指定
}

/// <summary>Who else was invited to a session (Art. 20).</summary>
public enum InviteeRole
{
    Relative = 1,   // 亲属
    Neighbour = 2,  // 邻里
    Colleague = 3,  // 同事
    Expert = 4,     // 专业人士
    Other = 5,
}

public sealed record Invitee(string Name, InviteeRole Role, string? Note);

/// <summary>What groups the fee cases of one property company mediated together (批量调解).</summary>
public enum BatchReason
{
    Vacancy = 1,        // 空置房
    ServiceDefect = 2,  // 服务质量瑕疵
    Price = 3,          // 收费价格争议
    Hardship = 4,       // 经济困难（低保、五保）
}

/// <summary>The court's decision on an application for judicial confirmation (司法确认).</summary>
public enum JudicialRuling
{
    Confirmed = 1,  // 确认调解协议有效
    Invalid = 2,    // 确认调解协议无效（不予确认）
}

/// <summary>What the performance follow-up (回访) found.</summary>
public enum PerformanceResult
{
    Performed = 1,  // 已履行
    Breached = 2,   // 未按约定履行
}

/// <summary>One party agreed to be mediated (Art. 17). Both must, before the case is accepted.</summary>
public sealed record ConsentGiven(Guid MediationCaseId, PartySide Side, Actor By, DateTimeOffset At);

/// <summary>
/// One party clearly refused mediation: the case is not mediated (Art. 17) and ends, and the parties are told of the
/// other routes open to them.
/// </summary>
public sealed record ConsentRefused(
    Guid MediationCaseId, PartySide Side, string? Reason, string OtherRoutesNotice, Actor By, DateTimeOffset At);

/// <summary>
/// 受理: mediation begins; it is to settle within one month, by the end of <see cref="LimitLastDay"/> (China time; a
/// month ending on a rest day ends with the next working day, 民法典 Art. 203).
/// </summary>
public sealed record MediationCaseAccepted(Guid MediationCaseId, DateOnly LimitLastDay, Actor By, DateTimeOffset At);

/// <summary>Both parties agreed to continue beyond the limit: it now ends with <see cref="LimitLastDay"/>.</summary>
public sealed record MediationExtended(
    Guid MediationCaseId, DateOnly PreviousLastDay, DateOnly LimitLastDay, IReadOnlyList<PartySide> ConsentedBy,
    string? Reason, Actor By, DateTimeOffset At);

/// <summary>The limit passed with the case still in mediation.</summary>
public sealed record MediationOverdue(Guid MediationCaseId, DateOnly LimitLastDay, DateTimeOffset At) : IRecordsTimePassing;

public sealed record MediatorAssigned(
    Guid MediationCaseId, string MediatorId, string MediatorName, MediatorSelection How, Actor By, DateTimeOffset At);

/// <summary>
/// A mediation session and its minutes (Art. 20, 27). A session of a batch (批量调解) carries the batch id and the
/// reason its cases were grouped by; each case keeps its own outcome.
/// </summary>
public sealed record MediationSessionHeld(
    Guid MediationCaseId,
    Guid SessionId,
    DateTimeOffset HeldAt,
    IReadOnlyList<string> Participants,
    IReadOnlyList<Invitee> Invited,
    string Minutes,
    DateTimeOffset? NextSessionAt,
    Guid? BatchId,
    BatchReason? BatchReason,
    Actor By,
    DateTimeOffset At);

/// <summary>
/// 调解协议 (Art. 28–29): the parties, the facts and each side's responsibility, the agreed terms, and the manner and
/// deadline of performance. It takes effect on signing (<see cref="At"/>); the parties may apply jointly for judicial
/// confirmation until the end of <see cref="ConfirmationLastDay"/> (30 days, Art. 33; a day 30 that is a rest day
/// gives way to the next working day, 民法典 Art. 203).
/// </summary>
public sealed record AgreementSigned(
    Guid MediationCaseId,
    IReadOnlyList<MediationParty> Parties,
    string Facts,
    string Terms,
    string PerformanceManner,
    DateOnly PerformanceDeadline,
    DateOnly ConfirmationLastDay,
    Actor By,
    DateTimeOffset At,
    string? PropertyCompanyCode = null);

/// <summary>调解不成 (Art. 26): mediation ends and the parties are told of the other routes.</summary>
public sealed record MediationFailed(Guid MediationCaseId, string Reason, string OtherRoutesNotice, Actor By, DateTimeOffset At);

/// <summary>Day 20 of the confirmation window passed without an application: the parties were reminded.</summary>
public sealed record JudicialConfirmationReminderSent(Guid MediationCaseId, DateOnly ConfirmationLastDay, DateTimeOffset At) : IRecordsTimePassing;

/// <summary>The confirmation window ended; <see cref="Applied"/> says whether the parties had applied within it.</summary>
public sealed record JudicialConfirmationWindowClosed(Guid MediationCaseId, DateOnly ConfirmationLastDay, bool Applied, DateTimeOffset At) : IRecordsTimePassing;

/// <summary>
/// Both parties applied jointly to the base-level court (Art. 33); the court is to decide whether to accept by the end
/// of <see cref="AcceptanceDueOn"/> (3 days, 法释〔2011〕5号 Art. 4).
/// </summary>
public sealed record JudicialConfirmationApplied(
    Guid MediationCaseId, string Court, DateOnly AppliedOn, DateOnly AcceptanceDueOn, Actor By, DateTimeOffset At);

/// <summary>
/// The court accepted the application (调确字 number); it is to rule by the end of <see cref="RulingDueOn"/>
/// (15 days, Art. 6). <see cref="Late"/>: accepted after its due day.
/// </summary>
public sealed record JudicialConfirmationAccepted(
    Guid MediationCaseId, DateOnly AcceptedOn, string? CourtCaseNumber, DateOnly AcceptanceDueOn, bool Late,
    DateOnly RulingDueOn, Actor By, DateTimeOffset At);

/// <summary>
/// The court ruled. <see cref="Extended"/>: the president allowed 10 more days, so the ruling was due by the end of
/// <see cref="RulingDueOn"/> (15 + 10). Confirmed: the agreement is enforceable; invalid: the parties may mediate
/// again or sue.
/// </summary>
public sealed record JudicialConfirmationRuled(
    Guid MediationCaseId, JudicialRuling Ruling, DateOnly RuledOn, bool Extended, DateOnly RulingDueOn, bool Late,
    string? Note, Actor By, DateTimeOffset At);

/// <summary>回访: whether the agreement was performed (Art. 31: the committee supervises performance).</summary>
/// <remarks>
/// PropertyCompanyCode (here and on <see cref="AgreementSigned"/>): the company the case names, copied from its opening so
/// that the company's credit file reads the outcome without looking the case up; null when no company is named, and on
/// events recorded before it existed.
/// </remarks>
public sealed record PerformanceFollowedUp(
    Guid MediationCaseId, PerformanceResult Result, string? Note, Actor By, DateTimeOffset At, string? PropertyCompanyCode = null);

/// <summary>
/// The agreement was breached: the parties were referred to the court — to apply for enforcement of a judicially
/// confirmed agreement, or to sue over performance (Art. 32).
/// </summary>
public sealed record CourtEnforcementReferred(
    Guid MediationCaseId, bool JudiciallyConfirmed, string Notice, Actor By, DateTimeOffset At);

/// <summary>
/// Every event of a mediation case stream, the opening first: registered with the store as one list, and folded by
/// the write model and the details projection alike.
/// </summary>
public static class MediationEventTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(MediationCaseOpened),
        typeof(ConsentGiven),
        typeof(ConsentRefused),
        typeof(MediationCaseAccepted),
        typeof(MediationExtended),
        typeof(MediationOverdue),
        typeof(MediatorAssigned),
        typeof(MediationSessionHeld),
        typeof(AgreementSigned),
        typeof(MediationFailed),
        typeof(JudicialConfirmationReminderSent),
        typeof(JudicialConfirmationWindowClosed),
        typeof(JudicialConfirmationApplied),
        typeof(JudicialConfirmationAccepted),
        typeof(JudicialConfirmationRuled),
        typeof(PerformanceFollowedUp),
        typeof(CourtEnforcementReferred),
    ];
}

// The passing of time: scheduled when a limit or window is set, never cancelled. Each carries the due time it was
// set for; a handler that finds the case moved on, or another due time current, does nothing.

/// <summary>The one-month limit (or an extended one) set to end at <see cref="DueAt"/> has passed.</summary>
public sealed record MediationMonthElapsed(Guid MediationCaseId, DateTimeOffset DueAt) : ITimePassed;

/// <summary>Day 20 of the confirmation window that closes at <see cref="ClosesAt"/>.</summary>
public sealed record JudicialConfirmationReminderDue(Guid MediationCaseId, DateTimeOffset ClosesAt) : ITimePassed;

/// <summary>The confirmation window set to close at <see cref="ClosesAt"/> has closed.</summary>
public sealed record JudicialConfirmationWindowElapsed(Guid MediationCaseId, DateTimeOffset ClosesAt) : ITimePassed;
