using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Marten;

namespace Whistle.Mediation;

public enum MediationStatus
{
    AwaitingConsent = 1,   // 待当事人同意
    Consented = 2,         // 双方同意，待受理
    Accepted = 3,          // 调解中
    NotMediated = 4,       // 一方拒绝，不予调解
    Failed = 5,            // 调解不成
    AgreementSigned = 6,   // 达成协议，待履行
    Performed = 7,         // 协议已履行
    Breached = 8,          // 协议未履行，已引导诉讼或申请执行
    AgreementInvalid = 9,  // 协议经司法确认无效
}

/// <summary>
/// The one definition of an open mediation case, read by its details, the mediator's docket and the shared case list:
/// a case is open until it reaches a final status. An agreement signed is still open — the judicial confirmation
/// window and the performance follow-up are the centre's work; a breach is final, as the follow-up that records it
/// refers the parties to the court (诉讼或申请强制执行) and the centre does nothing more on the case.
/// </summary>
public static class MediationStatuses
{
    /// <summary>The statuses a case ends in. Usable in a Marten query (<c>Final.Contains(x.Status)</c>).</summary>
    public static readonly ImmutableArray<MediationStatus> Final =
    [
        MediationStatus.NotMediated, MediationStatus.Failed, MediationStatus.Performed,
        MediationStatus.Breached, MediationStatus.AgreementInvalid,
    ];

    public static bool IsFinal(MediationStatus status) => Final.Contains(status);

    public static bool IsOpen(MediationStatus status) => !IsFinal(status);
}

/// <summary>The act that ended a mediation: who did it, and when.</summary>
public sealed record MediationEnding(Actor By, DateTimeOffset At);

/// <summary>
/// The write model of a mediation case: only what its decisions read. Immutable: <see cref="Create"/> and each
/// <c>Apply</c> return the state after the event, as Marten folds the stream; a decision never changes it.
/// </summary>
public sealed record MediationCase : IWriteModel<MediationCase>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Number { get; init; } = "";
    public ReferralSource Source { get; init; }
    public Guid? SourceCaseId { get; init; }
    public string? PropertyCompanyCode { get; init; }
    public MediationStatus Status { get; init; }
    public IReadOnlyList<MediationParty> Parties { get; init; } = [];
    public IReadOnlyList<PartySide> Consented { get; init; } = [];
    public DateOnly? LimitLastDay { get; init; }
    public bool Overdue { get; init; }
    public string? MediatorId { get; init; }
    public MediatorSelection? MediatorSelection { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public int Sessions { get; init; }
    public DateTimeOffset? AgreementSignedAt { get; init; }
    public DateOnly? PerformanceDeadline { get; init; }
    public DateOnly? ConfirmationLastDay { get; init; }
    public bool ConfirmationReminderSent { get; init; }
    public bool ConfirmationWindowClosed { get; init; }
    public DateOnly? ConfirmationAppliedOn { get; init; }
    public DateOnly? CourtAcceptedOn { get; init; }
    public JudicialRuling? Ruling { get; init; }
    /// <summary>Who ended the mediation (a refusal, an agreement signed, a failure) and when: what the fee dispute records of its end.</summary>
    public MediationEnding? Ending { get; init; }

    /// <summary>Mediation has ended one way or another: no session, limit or result applies any more.</summary>
    [JsonIgnore]
    public bool MediationEnded => Status is not (MediationStatus.AwaitingConsent or MediationStatus.Consented or MediationStatus.Accepted);

    [JsonIgnore]
    public bool BothConsented => Consented.Contains(PartySide.Applicant) && Consented.Contains(PartySide.Respondent);

    public static MediationCase Create(MediationCaseOpened e) => new()
    {
        Id = e.MediationCaseId,
        Number = e.Number,
        Source = e.Source,
        SourceCaseId = e.SourceCaseId,
        PropertyCompanyCode = e.PropertyCompanyCode,
        Status = MediationStatus.AwaitingConsent,
        Parties = [.. e.Parties],
    };

    public MediationCase Apply(ConsentGiven e)
    {
        var next = Consented.Contains(e.Side) ? this : this with { Consented = [.. Consented, e.Side] };
        return next.BothConsented && next.Status == MediationStatus.AwaitingConsent ? next with { Status = MediationStatus.Consented } : next;
    }

    public MediationCase Apply(ConsentRefused e) => this with { Status = MediationStatus.NotMediated, Ending = new(e.By, e.At) };

    public MediationCase Apply(MediationCaseAccepted e) =>
        this with { Status = MediationStatus.Accepted, AcceptedAt = e.At, LimitLastDay = e.LimitLastDay };

    public MediationCase Apply(MediationExtended e) => this with { LimitLastDay = e.LimitLastDay, Overdue = false };

    public MediationCase Apply(MediationOverdue e) => this with { Overdue = true };

    public MediationCase Apply(MediatorAssigned e) => this with { MediatorId = e.MediatorId, MediatorSelection = e.How };

    public MediationCase Apply(MediationSessionHeld e) => this with { Sessions = Sessions + 1 };

    public MediationCase Apply(AgreementSigned e) => this with
    {
        Status = MediationStatus.AgreementSigned,
        AgreementSignedAt = e.At,
        Ending = new(e.By, e.At),
        PerformanceDeadline = e.PerformanceDeadline,
        ConfirmationLastDay = e.ConfirmationLastDay,
    };

    public MediationCase Apply(MediationFailed e) => this with { Status = MediationStatus.Failed, Ending = new(e.By, e.At) };

    public MediationCase Apply(JudicialConfirmationReminderSent e) => this with { ConfirmationReminderSent = true };

    public MediationCase Apply(JudicialConfirmationWindowClosed e) => this with { ConfirmationWindowClosed = true };

    public MediationCase Apply(JudicialConfirmationApplied e) => this with { ConfirmationAppliedOn = e.AppliedOn };

    public MediationCase Apply(JudicialConfirmationAccepted e) => this with { CourtAcceptedOn = e.AcceptedOn };

    public MediationCase Apply(JudicialConfirmationRuled e) => this with
    {
        Ruling = e.Ruling,
        Status = e.Ruling == JudicialRuling.Invalid && Status == MediationStatus.AgreementSigned ? MediationStatus.AgreementInvalid : Status,
    };

    public MediationCase Apply(PerformanceFollowedUp e) =>
        this with { Status = e.Result == PerformanceResult.Performed ? MediationStatus.Performed : MediationStatus.Breached };

    // The referral follows the breach it records; it changes nothing a decision reads.
    public MediationCase Apply(CourtEnforcementReferred e) => this;

    public MediationCase AtVersion(long version) => this with { Version = version };
}

/// <summary>
/// What every mediation command answers (200): the case as it stands after the command, with the version to send as
/// the next command's expected version. Details, sessions and the court's dates are read from the case's details.
/// </summary>
public sealed record MediationCaseAnswer(
    Guid Id, string Number, long Version, MediationStatus Status, string StatusLabel, string? MediatorId,
    DateOnly? LimitLastDay, bool Overdue, DateOnly? PerformanceDeadline, DateOnly? ConfirmationLastDay)
{
    public static MediationCaseAnswer Of(MediationCase mediation) => new(
        mediation.Id, mediation.Number, mediation.Version, mediation.Status, mediation.Status.Label(), mediation.MediatorId,
        mediation.LimitLastDay, mediation.Overdue, mediation.PerformanceDeadline, mediation.ConfirmationLastDay);

    /// <summary>The answer once these events are appended to the case.</summary>
    public static MediationCaseAnswer After(MediationCase mediation, IEnumerable<object> events) => Of(mediation.After(events));

    /// <summary>A command's outcome: its answer, and the events Wolverine appends to the case.</summary>
    public static (MediationCaseAnswer, Events) With(MediationCase mediation, Events events) => (After(mediation, events), events);

    /// <summary>A command's outcome with the messages it sends or schedules.</summary>
    public static (MediationCaseAnswer, Events, OutgoingMessages) With(MediationCase mediation, Events events, OutgoingMessages messages) =>
        (After(mediation, events), events, messages);
}
