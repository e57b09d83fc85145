using JasperFx.Events;
using Marten.Events.Projections;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.Mediation;

namespace Whistle.Assessment.Credit;

/// <summary>The kinds of case a credit file follows.</summary>
public enum CreditCaseKind
{
    Complaint = 1,
    Mediation = 2,
}

/// <summary>
/// One change of the score, and the event behind it: the stream, its version there, the store's global sequence, the
/// event's type and business time. <see cref="Points"/> are those counted (an addition past the cap counts 0).
/// </summary>
public sealed record CreditEntry(
    CreditRule Rule, int Points, string Reason, string CaseNumber, Guid StreamId, long Version, long Sequence, string EventType,
    DateTimeOffset At);

/// <summary>
/// A case the file follows, from its opening event: whether the company answers for it (<see cref="Answerable"/>), and
/// the rules already applied to it, so each applies once however often its event recurs (a complaint resolved again
/// after a reopening is not charged twice).
/// </summary>
public sealed record CreditCase(Guid Id, CreditCaseKind Kind, string Number, string? CompoundCode, bool Answerable, IReadOnlyList<CreditRule> Applied);

/// <summary>
/// 物业服务企业信用档案: a property-service company's credit file. The score is <see cref="CreditPolicy.BaseScore"/> plus the
/// additions (capped at <see cref="CreditPolicy.AdditionsCap"/>) minus the deductions; every change is an entry naming
/// its event. The company's name, credit code and legal representative are those the directory records now.
/// </summary>
public sealed class CompanyCreditFile
{
    /// <summary>The company's code in the county directory.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? CreditCode { get; set; }
    public string? LegalRepresentative { get; set; }
    public int PolicyVersion { get; set; } = CreditPolicy.Version;
    public int BaseScore { get; set; } = CreditPolicy.BaseScore;
    public int Additions { get; set; }
    public int Deductions { get; set; }
    public int Score { get; set; } = CreditPolicy.BaseScore;
    public CreditGrade Grade { get; set; } = CreditPolicy.GradeOf(CreditPolicy.BaseScore);
    public List<CreditEntry> Entries { get; set; } = [];
    public List<CreditCase> Cases { get; set; } = [];
    /// <summary>The global sequence of the last event folded: a recomputation up to it gives the same file.</summary>
    public long LastSequence { get; set; }

    public static CompanyCreditFile Open(string code) => new() { Id = code, Name = code };
}

/// <summary>
/// The credit files, one per company code, run by the async daemon. Events reach a file by the company code they carry:
/// the directory's company entries, complaints (lodged, resolved, followed up) and mediation cases (opened, agreement
/// signed, performance followed up). The rules are <see cref="CreditLedger"/>'s, which a test folds the same events through.
/// </summary>
public sealed partial class CompanyCreditFileProjection : MultiStreamProjection<CompanyCreditFile, string>
{
    public CompanyCreditFileProjection()
    {
        Identity<PropertyCompanyRegistered>(e => e.Code);
        Identity<PropertyCompanyRevised>(e => e.Code);
        Identities<ComplaintLodged>(e => Of(e.PropertyCompanyCode));
        Identities<ComplaintResolved>(e => Of(e.PropertyCompanyCode));
        Identities<ComplaintFollowUpRecorded>(e => Of(e.PropertyCompanyCode));
        Identities<MediationCaseOpened>(e => Of(e.PropertyCompanyCode));
        Identities<AgreementSigned>(e => Of(e.PropertyCompanyCode));
        Identities<PerformanceFollowedUp>(e => Of(e.PropertyCompanyCode));
    }

    private static IReadOnlyList<string> Of(string? code) => string.IsNullOrEmpty(code) ? [] : [code];

    public override CompanyCreditFile Evolve(CompanyCreditFile? snapshot, string id, IEvent e) =>
        CreditLedger.Fold(snapshot ?? CompanyCreditFile.Open(id), e);
}

/// <summary>The rules of the credit file, as a fold over events: pure, so a recomputation gives the same file.</summary>
public static class CreditLedger
{
    /// <summary>The file after the events, from an empty one.</summary>
    public static CompanyCreditFile Recompute(string code, IEnumerable<IEvent> events) =>
        events.Aggregate(CompanyCreditFile.Open(code), Fold);

    public static CompanyCreditFile Fold(CompanyCreditFile file, IEvent e)
    {
        switch (e.Data)
        {
            case PropertyCompanyRegistered registered: Name(file, registered.Info); break;
            case PropertyCompanyRevised revised: Name(file, revised.Info); break;
            case ComplaintLodged lodged:
                Follow(file, new CreditCase(lodged.ComplaintId, CreditCaseKind.Complaint, lodged.Number, lodged.CompoundId,
                    CreditPolicy.CompanyCategories.Contains(lodged.CategoryId), []));
                break;
            case ComplaintResolved resolved:
                Apply(file, resolved.ComplaintId, CreditRule.SubstantiatedComplaint, e,
                    $"投诉已办结，属物业服务问题：{resolved.Outcome} Complaint resolved, on the company's own work.");
                break;
            case ComplaintFollowUpRecorded { Satisfaction: Satisfaction.Satisfied } followUp:
                Apply(file, followUp.ComplaintId, CreditRule.GoodRating, e, "回访满意。The complainant was satisfied.");
                break;
            case MediationCaseOpened opened:
                Follow(file, new CreditCase(opened.MediationCaseId, CreditCaseKind.Mediation, opened.Number, opened.CompoundCode,
                    opened.Parties.Any(p => p.IsOrganisation && p.Side == PartySide.Respondent), []));
                break;
            case AgreementSigned signed:
                Apply(file, signed.MediationCaseId, CreditRule.LostMediation, e,
                    $"业主申请调解，企业为被申请人，达成协议：{signed.Terms} The owner's mediation against the company ended in an agreement.");
                break;
            case PerformanceFollowedUp { Result: PerformanceResult.Breached } breached:
                Apply(file, breached.MediationCaseId, CreditRule.DefaultedObligation, e, "回访：未按协议履行。The agreement was breached.");
                break;
            case PerformanceFollowedUp { Result: PerformanceResult.Performed } performed:
                Apply(file, performed.MediationCaseId, CreditRule.KeptObligation, e, "回访：已按协议履行。The agreement was performed.");
                break;
        }
        file.LastSequence = Math.Max(file.LastSequence, e.Sequence);
        return file;
    }

    private static void Name(CompanyCreditFile file, PropertyCompanyInfo info)
    {
        file.Name = info.Name;
        file.CreditCode = info.CreditCode;
        file.LegalRepresentative = info.LegalRepresentative;
    }

    private static void Follow(CompanyCreditFile file, CreditCase followed)
    {
        if (file.Cases.All(c => c.Id != followed.Id)) file.Cases.Add(followed);
    }

    private static void Apply(CompanyCreditFile file, Guid caseId, CreditRule rule, IEvent e, string reason)
    {
        var index = file.Cases.FindIndex(c => c.Id == caseId);
        if (index < 0) return;
        var followed = file.Cases[index];
        if (!followed.Answerable || followed.Applied.Contains(rule)) return;
        // A breach after the agreement was found performed (or the reverse) is a new finding: each counts once.
        file.Cases[index] = followed with { Applied = [.. followed.Applied, rule] };

        var points = CreditPolicy.Points(rule);
        if (points > 0)
        {
            var counted = Math.Min(points, CreditPolicy.AdditionsCap - file.Additions);
            if (counted < points) reason += $"（加分已达上限 {CreditPolicy.AdditionsCap}。Additions are capped at {CreditPolicy.AdditionsCap}.）";
            points = counted;
            file.Additions += points;
        }
        else file.Deductions -= points;

        file.Score = file.BaseScore + file.Additions - file.Deductions;
        file.Grade = CreditPolicy.GradeOf(file.Score);
        file.Entries.Add(new CreditEntry(rule, points, reason, followed.Number, e.StreamId, e.Version, e.Sequence, e.EventType.Name,
            At(e.Data) ?? e.Timestamp));
    }

    private static DateTimeOffset? At(object data) => data switch
    {
        ComplaintResolved x => x.At,
        ComplaintFollowUpRecorded x => x.At,
        AgreementSigned x => x.At,
        PerformanceFollowedUp x => x.At,
        _ => null,
    };
}
