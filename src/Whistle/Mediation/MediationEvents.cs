using Whistle.Hosting;

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
