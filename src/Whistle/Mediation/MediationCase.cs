using System.Text.Json.Serialization;

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
/// The write model of a mediation case: only what its decisions read. Built by folding the stream; never mutated by
/// a decision. It is also the body every mediation command answers with.
/// </summary>
public sealed class MediationCase
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Number { get; set; } = "";
    public ReferralSource Source { get; set; }
    public Guid? SourceCaseId { get; set; }
    public string? PropertyCompanyCode { get; set; }
    public MediationStatus Status { get; set; }
    public List<MediationParty> Parties { get; set; } = [];
    public List<PartySide> Consented { get; set; } = [];
    public DateOnly? LimitLastDay { get; set; }
    public bool Overdue { get; set; }
    public string? MediatorId { get; set; }
    public MediatorSelection? MediatorSelection { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public int Sessions { get; set; }
    public DateTimeOffset? AgreementSignedAt { get; set; }
    public DateOnly? PerformanceDeadline { get; set; }
    public DateOnly? ConfirmationLastDay { get; set; }
    public bool ConfirmationReminderSent { get; set; }
    public bool ConfirmationWindowClosed { get; set; }
    public DateOnly? ConfirmationAppliedOn { get; set; }
    public DateOnly? CourtAcceptedOn { get; set; }
    public JudicialRuling? Ruling { get; set; }

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

    public void Apply(ConsentGiven e)
    {
        if (!Consented.Contains(e.Side)) Consented.Add(e.Side);
        if (BothConsented && Status == MediationStatus.AwaitingConsent) Status = MediationStatus.Consented;
    }

    public void Apply(ConsentRefused e) => Status = MediationStatus.NotMediated;

    public void Apply(MediationCaseAccepted e)
    {
        Status = MediationStatus.Accepted;
        AcceptedAt = e.At;
        LimitLastDay = e.LimitLastDay;
    }

    public void Apply(MediationExtended e)
    {
        LimitLastDay = e.LimitLastDay;
        Overdue = false;
    }

    public void Apply(MediationOverdue e) => Overdue = true;

    public void Apply(MediatorAssigned e)
    {
        MediatorId = e.MediatorId;
        MediatorSelection = e.How;
    }

    public void Apply(MediationSessionHeld e) => Sessions++;

    public void Apply(AgreementSigned e)
    {
        Status = MediationStatus.AgreementSigned;
        AgreementSignedAt = e.At;
        PerformanceDeadline = e.PerformanceDeadline;
        ConfirmationLastDay = e.ConfirmationLastDay;
    }

    public void Apply(MediationFailed e) => Status = MediationStatus.Failed;

    public void Apply(JudicialConfirmationReminderSent e) => ConfirmationReminderSent = true;

    public void Apply(JudicialConfirmationWindowClosed e) => ConfirmationWindowClosed = true;

    public void Apply(JudicialConfirmationApplied e) => ConfirmationAppliedOn = e.AppliedOn;

    public void Apply(JudicialConfirmationAccepted e) => CourtAcceptedOn = e.AcceptedOn;

    public void Apply(JudicialConfirmationRuled e)
    {
        Ruling = e.Ruling;
        if (e.Ruling == JudicialRuling.Invalid && Status == MediationStatus.AgreementSigned) Status = MediationStatus.AgreementInvalid;
    }

    public void Apply(PerformanceFollowedUp e) =>
        Status = e.Result == PerformanceResult.Performed ? MediationStatus.Performed : MediationStatus.Breached;

    // The referral follows the breach it records; it changes nothing a decision reads.
    public void Apply(CourtEnforcementReferred e) { }
}
