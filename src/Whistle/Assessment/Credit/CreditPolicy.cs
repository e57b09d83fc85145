using Whistle.Kernel;

namespace Whistle.Assessment.Credit;

/// <summary>The grades of a property-service company's credit (信用等级), best first.</summary>
public enum CreditGrade
{
    AAA = 1,
    AA = 2,
    A = 3,
    B = 4,
    C = 5,
}

/// <summary>What changed a credit file: each rule adds or deducts its points once per case.</summary>
public enum CreditRule
{
    /// <summary>查实投诉: a complaint about the company's own work (a category in <see cref="CreditPolicy.CompanyCategories"/>) was resolved.</summary>
    SubstantiatedComplaint = 1,
    /// <summary>好评: the complainant of such a complaint said "satisfied" on the follow-up call.</summary>
    GoodRating = 2,
    /// <summary>调解败诉: an owner's mediation against the company (the company the respondent) ended in an agreement.</summary>
    LostMediation = 3,
    /// <summary>未履行义务: the follow-up of that agreement found it breached.</summary>
    DefaultedObligation = 4,
    /// <summary>履行义务: the follow-up of that agreement found it performed.</summary>
    KeptObligation = 5,
}

/// <summary>
/// The credit policy, version <see cref="Version"/> (recorded on every file). The shape — a base score, additions for
/// good conduct capped, deductions for bad, graded AAA … C — is Yantai's (烟台: basic 80 + good ≤ 40 − bad; domain
/// anchors A1). The points per rule and the grade thresholds are Whistle's own choice, written down in docs/credit.md.
/// </summary>
public static class CreditPolicy
{
    public const int Version = 1;

    /// <summary>基础分: every company starts here (Yantai).</summary>
    public const int BaseScore = 80;

    /// <summary>良好信息加分上限: additions count up to this much in all (Yantai: good ≤ 40).</summary>
    public const int AdditionsCap = 40;

    /// <summary>
    /// The complaint categories that concern the company's own work: a resolved complaint in one of them is a
    /// substantiated complaint against the company serving the compound.
    /// </summary>
    public static readonly IReadOnlySet<string> CompanyCategories =
        new HashSet<string>(StringComparer.Ordinal) { "property-service", "property-fee", "company-exit", "elevator-safety" };

    public static int Points(CreditRule rule) => rule switch
    {
        CreditRule.SubstantiatedComplaint => -2,
        CreditRule.GoodRating => 1,
        CreditRule.LostMediation => -3,
        CreditRule.DefaultedObligation => -5,
        CreditRule.KeptObligation => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    /// <summary>The grade of a score: AAA ≥ 110, AA ≥ 95, A ≥ 80 (the base score), B ≥ 60, C below.</summary>
    public static CreditGrade GradeOf(int score) => score switch
    {
        >= 110 => CreditGrade.AAA,
        >= 95 => CreditGrade.AA,
        >= 80 => CreditGrade.A,
        >= 60 => CreditGrade.B,
        _ => CreditGrade.C,
    };

    /// <summary>What an addition past the cap says in its reason.</summary>
    public static readonly string CapNote = $"（加分已达上限 {AdditionsCap}。Additions are capped at {AdditionsCap}.）";

    /// <summary>The kind of case a rule scores.</summary>
    public static CreditCaseKind KindOf(CreditRule rule) => rule switch
    {
        CreditRule.SubstantiatedComplaint or CreditRule.GoodRating => CreditCaseKind.Complaint,
        CreditRule.LostMediation or CreditRule.DefaultedObligation or CreditRule.KeptObligation => CreditCaseKind.Mediation,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    /// <summary>The kind of case, as the scope rule names it.</summary>
    public static CaseKind CaseKindOf(CreditCaseKind kind) => kind switch
    {
        CreditCaseKind.Complaint => CaseKind.Complaint,
        CreditCaseKind.Mediation => CaseKind.Mediation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The rule's name in the file, Chinese first.</summary>
    public static string Describe(CreditRule rule) => rule switch
    {
        CreditRule.SubstantiatedComplaint => "查实投诉 Substantiated complaint",
        CreditRule.GoodRating => "业主好评 Good rating",
        CreditRule.LostMediation => "调解中承担责任 Lost mediation",
        CreditRule.DefaultedObligation => "未履行调解协议 Defaulted obligation",
        CreditRule.KeptObligation => "履行调解协议 Kept obligation",
        _ => rule.ToString(),
    };
}
