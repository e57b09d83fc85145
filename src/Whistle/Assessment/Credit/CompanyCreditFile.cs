using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.Kernel;
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
/// event's type and business time. In a file, <see cref="Points"/> are those counted (an addition past the cap counts 0,
/// and its reason says so); in a <see cref="CompanyCreditCase"/>, the rule's own points before the cap.
/// <see cref="CaseHidden"/>: the reader does not see this kind of case, so the case is not named (no number, an empty
/// stream id, version 0, the rule's name for a reason); its points still count (<see cref="CompanyCreditFile.SeenBy"/>).
/// </summary>
public sealed record CreditEntry(
    CreditRule Rule, int Points, string Reason, string CaseNumber, Guid StreamId, long Version, long Sequence, string EventType,
    DateTimeOffset At, bool CaseHidden = false);

/// <summary>
/// A case the file follows, from its opening event: whether the company answers for it (<see cref="Answerable"/>), and
/// the rules already applied to it, so each applies once however often its event recurs (a complaint resolved again
/// after a reopening is not charged twice).
/// </summary>
/// <remarks><see cref="CaseHidden"/>: the reader does not see this kind of case: no id (empty), no number (<see cref="CompanyCreditFile.SeenBy"/>).</remarks>
public sealed record CreditCase(
    Guid Id, CreditCaseKind Kind, string Number, string? CompoundCode, bool Answerable, IReadOnlyList<CreditRule> Applied, bool CaseHidden = false);

/// <summary>
/// 物业服务企业信用档案: a property-service company's credit file. The score is <see cref="CreditPolicy.BaseScore"/> plus the
/// additions (capped at <see cref="CreditPolicy.AdditionsCap"/>) minus the deductions; every change is an entry naming
/// its event. Not stored: composed when read from the credit rules' case documents naming the company, and the
/// directory's entry for its name, credit code and legal representative.
/// </summary>
/// <remarks>Composed by <see cref="CreditLedger.Compose"/> from <see cref="CompanyCreditCase"/> documents.</remarks>
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
    /// <summary>The global sequence of the last event of the company's cases folded: a recomputation up to it gives the same file.</summary>
    public long LastSequence { get; set; }

    public static CompanyCreditFile Open(string code) => new() { Id = code, Name = code };

    /// <summary>
    /// The file as <paramref name="scope"/> may read it: every case and entry and every figure kept (points are county
    /// facts: the score is the same for every reader), but a case of a kind the reader does not see county-wide
    /// (<see cref="Scope.ReachOf(CaseKind)"/>; the credit file readers are county-wide roles) is not named: its id,
    /// stream, version and number are blanked, an entry's reason (which may quote the case, e.g. a mediation
    /// agreement's terms) becomes the rule's name, and <c>caseHidden</c> says so. Pure; the file itself is not changed.
    /// </summary>
    public CompanyCreditFile SeenBy(Scope scope)
    {
        bool Hidden(CreditCaseKind kind) => scope.ReachOf(CreditPolicy.CaseKindOf(kind)) != Reach.County;
        return new CompanyCreditFile
        {
            Id = Id, Name = Name, CreditCode = CreditCode, LegalRepresentative = LegalRepresentative, PolicyVersion = PolicyVersion,
            BaseScore = BaseScore, Additions = Additions, Deductions = Deductions, Score = Score, Grade = Grade, LastSequence = LastSequence,
            Entries = [.. Entries.Select(e => Hidden(CreditPolicy.KindOf(e.Rule))
                ? e with
                {
                    CaseNumber = "", StreamId = Guid.Empty, Version = 0, CaseHidden = true,
                    Reason = CreditPolicy.Describe(e.Rule) + (e.Points < CreditPolicy.Points(e.Rule) ? CreditPolicy.CapNote : "")
                        + "（案件不在查看范围内，不具名。The case is out of the reader's scope: not named.）",
                }
                : e)],
            Cases = [.. Cases.Select(c => Hidden(c.Kind) ? c with { Id = Guid.Empty, Number = "", CaseHidden = true } : c)],
        };
    }
}

/// <summary>
/// One case a credit file follows, keyed by the complaint's or mediation case's id: its company (the one its opening
/// event names), kind, number and compound, whether the company answers for it, the rules already applied to it and
/// the entries it produced, with the rule's own points (the additions cap spans the company's cases, so it is applied
/// when the file is composed, in global-sequence order). Built by the async daemon; each event of the case rewrites this
/// one small document, so what an event costs no longer grows with the company's years of cases.
/// </summary>
/// <remarks>
/// Why one document per case rather than a per-company document of running totals: the once-only rules need each
/// case's applied rules, so a company document would have to keep a per-case list again (the growth this replaces),
/// and every event naming a busy company would still queue on one row. The file is composed when read instead; its
/// figures are sums over the cases' entries, and the as-of replay composes the same way (<see cref="CreditLedger"/>).
/// The list of files reads each case's <see cref="Figures"/> alone (<see cref="CreditLedger.Summarize"/>, tested to
/// agree with the composed file).
/// </remarks>
public sealed record CompanyCreditCase
{
    /// <summary>The complaint's or mediation case's id.</summary>
    public Guid Id { get; init; }
    /// <summary>The company's code, as the opening event names it: the reads filter on it (indexed).</summary>
    public string Company { get; init; } = "";
    public CreditCaseKind Kind { get; init; }
    public string Number { get; init; } = "";
    public string? CompoundCode { get; init; }
    public bool Answerable { get; init; }
    public IReadOnlyList<CreditRule> Applied { get; init; } = [];
    /// <summary>The entries the case produced, each with its rule's own points and reason (before the cap).</summary>
    public IReadOnlyList<CreditEntry> Entries { get; init; } = [];
    /// <summary>The case's figures for the list of files, kept with its entries (<see cref="CreditLedger.Summarize"/>).</summary>
    public CreditCaseFigures Figures { get; init; } = new(0, 0, 0);
    /// <summary>The opening event's global sequence: a file lists its cases in this order.</summary>
    public long OpenedSequence { get; init; }
    /// <summary>The global sequence of the last event of the case folded.</summary>
    public long LastSequence { get; init; }

    /// <summary>The case as a file lists it.</summary>
    public CreditCase ToCase() => new(Id, Kind, Number, CompoundCode, Answerable, Applied);

    /// <summary>The case (complaint or mediation case) an event of the credit rules belongs to; null for none.</summary>
    public static Guid? CaseOf(object data) => data switch
    {
        ComplaintLodged e => e.ComplaintId,
        ComplaintResolved e => e.ComplaintId,
        ComplaintFollowUpRecorded e => e.ComplaintId,
        MediationCaseOpened e => e.MediationCaseId,
        AgreementSigned e => e.MediationCaseId,
        PerformanceFollowedUp e => e.MediationCaseId,
        _ => null,
    };

    /// <summary>The company a case event names; null for none.</summary>
    public static string? CompanyOf(object data) => data switch
    {
        ComplaintLodged e => e.PropertyCompanyCode,
        ComplaintResolved e => e.PropertyCompanyCode,
        ComplaintFollowUpRecorded e => e.PropertyCompanyCode,
        MediationCaseOpened e => e.PropertyCompanyCode,
        AgreementSigned e => e.PropertyCompanyCode,
        PerformanceFollowedUp e => e.PropertyCompanyCode,
        _ => null,
    };

    /// <summary>
    /// The document after one event of case <paramref name="id"/>; null while the case has not been opened naming a
    /// company. Pure: the projection's whole logic, and what the as-of replay and the unit tests fold. An event naming
    /// another company than the case's opening did is not the case's company's (it changes nothing here); an opening
    /// delivered twice counts once; each rule applies once per case (a breach after a performance, or the reverse, is
    /// a new finding and counts too); a case the company does not answer for never scores.
    /// </summary>
    public static CompanyCreditCase? Next(CompanyCreditCase? doc, Guid id, IEvent e)
    {
        if (CaseOf(e.Data) != id || CompanyOf(e.Data) is not { Length: > 0 } company) return doc;
        if (doc is null)
            return e.Data switch
            {
                ComplaintLodged lodged => Opened(lodged.ComplaintId, company, CreditCaseKind.Complaint, lodged.Number, lodged.CompoundId,
                    CreditPolicy.CompanyCategories.Contains(lodged.CategoryId), e.Sequence),
                MediationCaseOpened opened => Opened(opened.MediationCaseId, company, CreditCaseKind.Mediation, opened.Number, opened.CompoundCode,
                    opened.Parties.Any(p => p.IsOrganisation && p.Side == PartySide.Respondent), e.Sequence),
                _ => null,
            };
        if (company != doc.Company) return doc;
        var next = doc with { LastSequence = Math.Max(doc.LastSequence, e.Sequence) };
        return e.Data switch
        {
            ComplaintResolved resolved => next.Apply(CreditRule.SubstantiatedComplaint, e, resolved.At,
                $"投诉已办结，属物业服务问题：{resolved.Outcome} Complaint resolved, on the company's own work."),
            ComplaintFollowUpRecorded { Satisfaction: Satisfaction.Satisfied } followUp =>
                next.Apply(CreditRule.GoodRating, e, followUp.At, "回访满意。The complainant was satisfied."),
            AgreementSigned signed => next.Apply(CreditRule.LostMediation, e, signed.At,
                $"业主申请调解，企业为被申请人，达成协议：{signed.Terms} The owner's mediation against the company ended in an agreement."),
            PerformanceFollowedUp { Result: PerformanceResult.Breached } breached =>
                next.Apply(CreditRule.DefaultedObligation, e, breached.At, "回访：未按协议履行。The agreement was breached."),
            PerformanceFollowedUp { Result: PerformanceResult.Performed } performed =>
                next.Apply(CreditRule.KeptObligation, e, performed.At, "回访：已按协议履行。The agreement was performed."),
            _ => next,
        };
    }

    private static CompanyCreditCase Opened(Guid id, string company, CreditCaseKind kind, string number, string? compound, bool answerable, long sequence) =>
        new()
        {
            Id = id, Company = company, Kind = kind, Number = number, CompoundCode = compound, Answerable = answerable,
            OpenedSequence = sequence, LastSequence = sequence,
        };

    private CompanyCreditCase Apply(CreditRule rule, IEvent e, DateTimeOffset at, string reason)
    {
        if (!Answerable || Applied.Contains(rule)) return this;
        var points = CreditPolicy.Points(rule);
        return this with
        {
            Applied = [.. Applied, rule],
            Entries = [.. Entries, new CreditEntry(rule, points, reason, Number, e.StreamId, e.Version, e.Sequence, e.EventType.Name, at)],
            Figures = new CreditCaseFigures(Figures.Added + Math.Max(points, 0), Figures.Deducted + Math.Max(-points, 0), Figures.Entries + 1),
        };
    }
}

/// <summary>
/// A case's entries in sums: the points its additions add before the cap, those its deductions take, and how many entries
/// it has. What the list of files reads instead of every entry.
/// </summary>
public sealed record CreditCaseFigures(int Added, int Deducted, int Entries);

/// <summary>
/// The async projection (run by Marten's daemon) of the credit files' cases: one <see cref="CompanyCreditCase"/> per
/// complaint or mediation case that names a company, routed by the case's id. The directory's company entries are not
/// folded: the file reads the name, credit code and legal representative from the directory when it is composed.
/// </summary>
public sealed partial class CompanyCreditCaseProjection : MultiStreamProjection<CompanyCreditCase, Guid>
{
    public CompanyCreditCaseProjection()
    {
        Identities<ComplaintLodged>(e => Of(e.ComplaintId, e.PropertyCompanyCode));
        Identities<ComplaintResolved>(e => Of(e.ComplaintId, e.PropertyCompanyCode));
        Identities<ComplaintFollowUpRecorded>(e => Of(e.ComplaintId, e.PropertyCompanyCode));
        Identities<MediationCaseOpened>(e => Of(e.MediationCaseId, e.PropertyCompanyCode));
        Identities<AgreementSigned>(e => Of(e.MediationCaseId, e.PropertyCompanyCode));
        Identities<PerformanceFollowedUp>(e => Of(e.MediationCaseId, e.PropertyCompanyCode));
    }

    private static IReadOnlyList<Guid> Of(Guid id, string? company) => string.IsNullOrEmpty(company) ? [] : [id];

    public override CompanyCreditCase? Evolve(CompanyCreditCase? snapshot, Guid id, IEvent e) => CompanyCreditCase.Next(snapshot, id, e);
}

/// <summary>
/// The rules of the credit file: the cases' pure fold (<see cref="CompanyCreditCase.Next"/>) and the file composed from
/// them (<see cref="Compose"/>). The live reads compose the daemon's documents; <see cref="Recompute"/> folds and
/// composes raw events the same way, so a recomputation gives the same file.
/// </summary>
public static class CreditLedger
{
    /// <summary>
    /// The company's file from its cases: the cases in the order they were opened, every entry in global-sequence order
    /// with the additions cap applied in that order (an addition past the cap counts 0 and its reason says so), the score
    /// and grade, and the name, credit code and legal representative from <paramref name="company"/> (the code alone
    /// when the directory has no such company).
    /// </summary>
    public static CompanyCreditFile Compose(string code, PropertyCompanyInfo? company, IEnumerable<CompanyCreditCase> cases)
    {
        var file = CompanyCreditFile.Open(code);
        if (company is not null)
        {
            file.Name = company.Name;
            file.CreditCode = company.CreditCode;
            file.LegalRepresentative = company.LegalRepresentative;
        }
        var followed = cases.Where(c => c.Company == code).OrderBy(c => c.OpenedSequence).ToList();
        file.Cases = [.. followed.Select(c => c.ToCase())];
        foreach (var entry in followed.SelectMany(c => c.Entries).OrderBy(x => x.Sequence))
        {
            var (points, reason) = (entry.Points, entry.Reason);
            if (points > 0)
            {
                var counted = Math.Min(points, CreditPolicy.AdditionsCap - file.Additions);
                if (counted < points) reason += CreditPolicy.CapNote;
                points = counted;
                file.Additions += points;
            }
            else file.Deductions -= points;
            file.Entries.Add(entry with { Points = points, Reason = reason });
        }
        file.Score = file.BaseScore + file.Additions - file.Deductions;
        file.Grade = CreditPolicy.GradeOf(file.Score);
        file.LastSequence = followed.Count == 0 ? 0 : followed.Max(c => c.LastSequence);
        return file;
    }

    /// <summary>
    /// The company's line in the list of files from its cases' figures alone, equal to the composed file's
    /// (<see cref="Compose"/>; tested): additions only grow, so the cap applied entry by entry in sequence order counts
    /// min(cap, sum of the additions) in all, and the deductions are not capped.
    /// </summary>
    public static CreditFileSummary Summarize(string code, PropertyCompanyInfo? company, IEnumerable<CreditCaseFigures> cases)
    {
        var (added, deducted, entries) = (0, 0, 0);
        foreach (var figures in cases) (added, deducted, entries) = (added + figures.Added, deducted + figures.Deducted, entries + figures.Entries);
        var additions = Math.Min(added, CreditPolicy.AdditionsCap);
        var score = CreditPolicy.BaseScore + additions - deducted;
        return new CreditFileSummary(code, company?.Name ?? code, company?.LegalRepresentative, score, CreditPolicy.GradeOf(score), additions, deducted, entries);
    }

    /// <summary>
    /// Every case document after the events (in global-sequence order), keyed by case id, as the projection routes them;
    /// and, from the directory's events, each company's entry as last recorded.
    /// </summary>
    public static (IReadOnlyDictionary<Guid, CompanyCreditCase> Cases, IReadOnlyDictionary<string, PropertyCompanyInfo> Companies) Fold(
        IEnumerable<IEvent> events)
    {
        var cases = new Dictionary<Guid, CompanyCreditCase>();
        var companies = new Dictionary<string, PropertyCompanyInfo>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case PropertyCompanyRegistered registered: companies[registered.Code] = registered.Info; break;
                case PropertyCompanyRevised revised: companies[revised.Code] = revised.Info; break;
                default:
                    if (CompanyCreditCase.CaseOf(e.Data) is { } id && CompanyCreditCase.Next(cases.GetValueOrDefault(id), id, e) is { } next)
                        cases[id] = next;
                    break;
            }
        }
        return (cases, companies);
    }

    /// <summary>The company's file after the events (the directory's and its cases'), from none.</summary>
    public static CompanyCreditFile Recompute(string code, IEnumerable<IEvent> events)
    {
        var (cases, companies) = Fold(events);
        return Compose(code, companies.GetValueOrDefault(code), cases.Values);
    }
}

/// <summary>The live credit files: the daemon's case documents composed with the directory's entries when read.</summary>
public static class CreditFiles
{
    /// <summary>The company's file; null when the directory has no such company and no case names it.</summary>
    public static async Task<CompanyCreditFile?> LoadAsync(IQuerySession session, string code, CancellationToken ct)
    {
        var company = code.Length is > 0 and <= 64 ? await session.LoadAsync<PropertyCompany>(DirectoryIds.PropertyCompany(code), ct) : null;
        var cases = await session.Query<CompanyCreditCase>().Where(c => c.Company == code).ToListAsync(ct);
        return company is null && cases.Count == 0 ? null : CreditLedger.Compose(code, company?.Info, cases);
    }

    /// <summary>
    /// Every company's line (or the one <paramref name="only"/> names), best score first, then by code: each company of the
    /// directory, and any company a case names. Reads the figures of the cases that scored alone, not their entries.
    /// </summary>
    public static async Task<IReadOnlyList<CreditFileSummary>> SummariesAsync(IQuerySession session, string? only, CancellationToken ct)
    {
        var companies = session.Query<PropertyCompany>().AsQueryable();
        var cases = session.Query<CompanyCreditCase>().Where(c => c.Answerable && c.Figures.Entries > 0);
        if (only is not null)
        {
            companies = companies.Where(c => c.Code == only);
            cases = cases.Where(c => c.Company == only);
        }
        var entries = (await companies.ToListAsync(ct)).ToDictionary(c => c.Code, c => c.Info, StringComparer.Ordinal);
        var byCompany = (await cases.Select(c => new { c.Company, c.Figures }).ToListAsync(ct)).ToLookup(c => c.Company, c => c.Figures, StringComparer.Ordinal);
        return
        [
            .. entries.Keys.Union(byCompany.Select(g => g.Key), StringComparer.Ordinal)
                .Select(code => CreditLedger.Summarize(code, entries.GetValueOrDefault(code), byCompany[code]))
                .OrderByDescending(f => f.Score).ThenBy(f => f.Code, StringComparer.Ordinal),
        ];
    }
}
