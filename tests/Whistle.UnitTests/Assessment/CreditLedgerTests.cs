using JasperFx.Events;
using Shouldly;
using Whistle.Assessment.Credit;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.Mediation;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Assessment;

/// <summary>
/// Given the events of several streams, Then the cases' documents the projection folds (one per case) and the credit
/// file composed from them: its entries, score and grade.
/// </summary>
public class CreditLedgerTests
{
    private const string Company = "PC01";
    private static readonly Actor Clerk = Users.ClerkActor;
    private static readonly Guid ComplaintId = Guid.Parse("0b7e6f4e-0000-4000-8000-000000000001");
    private static readonly Guid MediationId = Guid.Parse("0b7e6f4e-0000-4000-8000-000000000002");

    /// <summary>The events as the daemon hands them over: each names its stream, its version there and its global sequence.</summary>
    private static List<IEvent> History(params (Guid Stream, object Data)[] events)
    {
        var versions = new Dictionary<Guid, long>();
        return [.. events.Select((x, i) =>
        {
            versions[x.Stream] = versions.GetValueOrDefault(x.Stream) + 1;
            var e = Wrap(x.Data, versions[x.Stream]);
            e.StreamId = x.Stream;
            e.Sequence = 100 + i;
            e.Timestamp = Now;
            return e;
        })];
    }

    private static (Guid, object) Registered(string? legalRepresentative = "王建国") =>
        (PropertyCompany.Kind.Id(Company), new PropertyCompanyRegistered(PropertyCompany.Kind.Id(Company), Company,
            new PropertyCompanyInfo("安澜县恒信物业服务有限公司", "91410523AXM5M29E21", "马经理", "13947262444", legalRepresentative), Clerk, Now));

    private static (Guid, object) Lodged(string category, Guid? id = null) =>
        (id ?? ComplaintId, new ComplaintLodged(id ?? ComplaintId, "TS-2026-0001", ComplaintChannel.Hotline, category, "CP040301", "CM0403", "SD04",
            new Complainant("张三", "13812345678", null), "电梯三天未修。", Clerk, Now, PropertyCompanyCode: Company));

    private static (Guid, object) Resolved(Guid? id = null) =>
        (id ?? ComplaintId, new ComplaintResolved(id ?? ComplaintId, "电梯已修复。", Clerk, Now.AddDays(2), PropertyCompanyCode: Company));

    private static (Guid, object) Rated(Satisfaction satisfaction, Guid? id = null) =>
        (id ?? ComplaintId, new ComplaintFollowUpRecorded(id ?? ComplaintId, satisfaction, null, Clerk, Now.AddDays(3), Company));

    private static (Guid, object) MediationOpened(PartySide companySide) =>
        (MediationId, new MediationCaseOpened(MediationId, "TJ-2026-0001", ReferralSource.FeeDispute, null, null, null,
            [new MediationParty("李业主", null, companySide == PartySide.Respondent ? PartySide.Applicant : PartySide.Respondent),
             new MediationParty("安澜县恒信物业服务有限公司", null, companySide, IsOrganisation: true)],
            "物业费纠纷", Company, "CP040301", "CM0403", "SD04", Clerk, Now));

    private static (Guid, object) Agreement() =>
        (MediationId, new AgreementSigned(MediationId, [], "事实", "企业减免三个月物业费", "转账", new DateOnly(2026, 12, 31),
            new DateOnly(2027, 1, 4), Clerk, Now.AddDays(10), Company));

    private static (Guid, object) FollowedUp(PerformanceResult result) =>
        (MediationId, new PerformanceFollowedUp(MediationId, result, null, Clerk, Now.AddDays(40), Company));

    private static CompanyCreditFile FileAfter(params (Guid, object)[] events) => CreditLedger.Recompute(Company, History(events));

    [Fact]
    public void a_company_with_no_outcomes_has_the_base_score_and_grade_a_and_names_its_legal_representative()
    {
        var file = FileAfter(Registered());

        file.Score.ShouldBe(80);
        file.Grade.ShouldBe(CreditGrade.A);
        file.Entries.ShouldBeEmpty();
        file.Name.ShouldBe("安澜县恒信物业服务有限公司");
        file.LegalRepresentative.ShouldBe("王建国");
        file.PolicyVersion.ShouldBe(CreditPolicy.Version);
    }

    [Fact]
    public void a_resolved_complaint_about_the_company_s_own_work_deducts_two_points_naming_its_event()
    {
        var file = FileAfter(Registered(), Lodged("elevator-safety"), Resolved());

        file.Score.ShouldBe(78);
        file.Deductions.ShouldBe(2);
        file.Entries.ShouldHaveSingleItem().ShouldBe(new CreditEntry(
            CreditRule.SubstantiatedComplaint, -2, "投诉已办结，属物业服务问题：电梯已修复。 Complaint resolved, on the company's own work.",
            "TS-2026-0001", ComplaintId, 2, 102, nameof(ComplaintResolved), Now.AddDays(2)));
    }

    [Fact]
    public void a_resolved_complaint_in_a_category_that_is_not_the_company_s_work_changes_nothing() =>
        FileAfter(Registered(), Lodged("illegal-parking"), Resolved(), Rated(Satisfaction.Satisfied)).Entries.ShouldBeEmpty();

    [Fact]
    public void a_complaint_resolved_again_after_a_reopening_is_charged_once_and_rated_once()
    {
        var file = FileAfter(Registered(), Lodged("property-service"), Resolved(), Rated(Satisfaction.Satisfied),
            (ComplaintId, new ComplaintReopened(ComplaintId, "又坏了", Clerk, Now.AddDays(5))), Resolved(), Rated(Satisfaction.Satisfied));

        file.Entries.Select(e => (e.Rule, e.Points)).ShouldBe([(CreditRule.SubstantiatedComplaint, -2), (CreditRule.GoodRating, 1)]);
        file.Score.ShouldBe(79);
    }

    [Fact]
    public void only_a_satisfied_rating_adds_a_point()
    {
        FileAfter(Registered(), Lodged("property-service"), Resolved(), Rated(Satisfaction.BasicallySatisfied))
            .Entries.Select(e => e.Rule).ShouldBe([CreditRule.SubstantiatedComplaint]);
    }

    [Fact]
    public void an_owner_s_mediation_against_the_company_ending_in_an_agreement_is_a_lost_mediation_and_a_breach_a_defaulted_obligation()
    {
        var file = FileAfter(Registered(), MediationOpened(PartySide.Respondent), Agreement(), FollowedUp(PerformanceResult.Breached));

        file.Entries.Select(e => (e.Rule, e.Points, e.StreamId, e.Version, e.EventType)).ShouldBe(
        [
            (CreditRule.LostMediation, -3, MediationId, 2, nameof(AgreementSigned)),
            (CreditRule.DefaultedObligation, -5, MediationId, 3, nameof(PerformanceFollowedUp)),
        ]);
        file.Score.ShouldBe(72);
        file.Grade.ShouldBe(CreditGrade.B);
    }

    [Fact]
    public void the_company_s_own_mediation_against_an_owner_changes_nothing_whatever_the_outcome() =>
        FileAfter(Registered(), MediationOpened(PartySide.Applicant), Agreement(), FollowedUp(PerformanceResult.Breached))
            .Entries.ShouldBeEmpty();

    [Fact]
    public void a_performed_agreement_adds_two_points()
    {
        var file = FileAfter(Registered(), MediationOpened(PartySide.Respondent), Agreement(), FollowedUp(PerformanceResult.Performed));

        file.Entries.Select(e => e.Rule).ShouldBe([CreditRule.LostMediation, CreditRule.KeptObligation]);
        file.Score.ShouldBe(79);
    }

    [Fact]
    public void additions_stop_counting_at_the_cap_of_forty_and_the_entry_says_so()
    {
        var events = new List<(Guid, object)> { Registered() };
        for (var i = 0; i < 42; i++)
        {
            var id = Guid.NewGuid();
            events.AddRange([Lodged("property-service", id), Rated(Satisfaction.Satisfied, id)]);
        }

        var file = FileAfter([.. events]);

        file.Additions.ShouldBe(40);
        file.Score.ShouldBe(120);
        file.Grade.ShouldBe(CreditGrade.AAA);
        file.Entries.Count.ShouldBe(42);
        file.Entries[^1].Points.ShouldBe(0);
        file.Entries[^1].Reason.ShouldContain("Additions are capped at 40");
    }

    [Theory]
    [InlineData(120, CreditGrade.AAA)]
    [InlineData(110, CreditGrade.AAA)]
    [InlineData(109, CreditGrade.AA)]
    [InlineData(95, CreditGrade.AA)]
    [InlineData(94, CreditGrade.A)]
    [InlineData(80, CreditGrade.A)]
    [InlineData(79, CreditGrade.B)]
    [InlineData(60, CreditGrade.B)]
    [InlineData(59, CreditGrade.C)]
    [InlineData(-10, CreditGrade.C)]
    public void grades_follow_the_thresholds(int score, CreditGrade grade) => CreditPolicy.GradeOf(score).ShouldBe(grade);

    [Fact]
    public void every_entry_names_an_event_of_the_history_and_its_points_sum_to_the_score()
    {
        var history = History(Registered(), Lodged("property-fee"), Resolved(), Rated(Satisfaction.Satisfied),
            MediationOpened(PartySide.Respondent), Agreement(), FollowedUp(PerformanceResult.Breached));

        var file = CreditLedger.Recompute(Company, history);

        foreach (var entry in file.Entries)
            history.ShouldContain(e => e.Sequence == entry.Sequence && e.StreamId == entry.StreamId && e.Version == entry.Version
                && e.EventType.Name == entry.EventType);
        (file.BaseScore + file.Entries.Sum(e => e.Points)).ShouldBe(file.Score);
        file.Score.ShouldBe(80 - 2 + 1 - 3 - 5);
    }

    [Fact]
    public void folding_the_same_events_again_gives_the_same_file()
    {
        var history = History(Registered(), Lodged("property-fee"), Resolved(), MediationOpened(PartySide.Respondent), Agreement());

        var first = CreditLedger.Recompute(Company, history);
        var again = CreditLedger.Recompute(Company, history);

        again.Score.ShouldBe(first.Score);
        again.Entries.ShouldBe(first.Entries);
        again.LastSequence.ShouldBe(104);
    }

    /// <summary>The case documents the projection's fold gives for the events, as the daemon routes them (by case id).</summary>
    private static IReadOnlyDictionary<Guid, CompanyCreditCase> CasesAfter(params (Guid, object)[] events) => CreditLedger.Fold(History(events)).Cases;

    [Fact]
    public void each_case_is_one_document_holding_its_own_rules_and_entries_at_the_rule_s_own_points()
    {
        var cases = CasesAfter(Registered(), Lodged("property-service"), Resolved(), Rated(Satisfaction.Satisfied),
            MediationOpened(PartySide.Respondent), Agreement());

        cases.Keys.ShouldBe([ComplaintId, MediationId], ignoreOrder: true);
        var complaint = cases[ComplaintId];
        (complaint.Company, complaint.Kind, complaint.Number, complaint.CompoundCode, complaint.Answerable)
            .ShouldBe((Company, CreditCaseKind.Complaint, "TS-2026-0001", "CP040301", true));
        complaint.Applied.ShouldBe([CreditRule.SubstantiatedComplaint, CreditRule.GoodRating]);
        complaint.Entries.Select(e => (e.Rule, e.Points, e.StreamId, e.Version, e.Sequence)).ShouldBe(
            [(CreditRule.SubstantiatedComplaint, -2, ComplaintId, 2, 102), (CreditRule.GoodRating, 1, ComplaintId, 3, 103)]);
        (complaint.OpenedSequence, complaint.LastSequence).ShouldBe((101, 103));
        var mediation = cases[MediationId];
        (mediation.Kind, mediation.Answerable, mediation.OpenedSequence, mediation.LastSequence).ShouldBe((CreditCaseKind.Mediation, true, 104, 105));
        mediation.Entries.ShouldHaveSingleItem().Rule.ShouldBe(CreditRule.LostMediation);
    }

    [Fact]
    public void a_case_document_holds_its_own_case_alone_however_many_cases_the_company_has()
    {
        var events = new List<(Guid, object)> { Registered() };
        for (var i = 0; i < 30; i++)
        {
            var id = Guid.NewGuid();
            events.AddRange([Lodged("property-service", id), Resolved(id)]);
        }
        events.AddRange([Lodged("property-service"), Resolved()]);

        var cases = CasesAfter([.. events]);

        cases.Count.ShouldBe(31);
        cases[ComplaintId].Entries.ShouldHaveSingleItem().StreamId.ShouldBe(ComplaintId);
        cases[ComplaintId].Applied.ShouldBe([CreditRule.SubstantiatedComplaint]);
    }

    [Fact]
    public void a_breach_after_a_performance_and_a_performance_after_a_breach_count_once_each()
    {
        var events = new[] { Registered(), MediationOpened(PartySide.Respondent), Agreement(), FollowedUp(PerformanceResult.Performed),
            FollowedUp(PerformanceResult.Breached), FollowedUp(PerformanceResult.Performed), FollowedUp(PerformanceResult.Breached) };

        CasesAfter(events)[MediationId].Applied.ShouldBe([CreditRule.LostMediation, CreditRule.KeptObligation, CreditRule.DefaultedObligation]);
        var file = FileAfter(events);
        file.Entries.Select(e => (e.Rule, e.Points)).ShouldBe(
            [(CreditRule.LostMediation, -3), (CreditRule.KeptObligation, 2), (CreditRule.DefaultedObligation, -5)]);
        (file.Additions, file.Deductions, file.Score).ShouldBe((2, 8, 74));
    }

    [Fact]
    public void a_case_the_company_does_not_answer_for_is_followed_but_never_scores()
    {
        var events = new[] { Registered(), MediationOpened(PartySide.Applicant), Agreement(), FollowedUp(PerformanceResult.Performed) };

        var followed = CasesAfter(events)[MediationId];
        (followed.Answerable, followed.Applied.Count, followed.Entries.Count, followed.LastSequence).ShouldBe((false, 0, 0, 103));
        var file = FileAfter(events);
        file.Cases.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Id.ShouldBe(MediationId), c => c.Answerable.ShouldBeFalse());
        file.Score.ShouldBe(80);
    }

    [Fact]
    public void a_complaint_naming_no_company_has_no_document_and_an_event_naming_another_company_changes_nothing()
    {
        var other = Guid.Parse("0b7e6f4e-0000-4000-8000-000000000003");
        var cases = CasesAfter(
            (other, new ComplaintLodged(other, "TS-2026-0002", ComplaintChannel.Hotline, "property-service", "CP040301", "CM0403", "SD04",
                new Complainant("李四", "13812345679", null), "楼道无人打扫。", Clerk, Now)),
            (other, new ComplaintResolved(other, "已打扫。", Clerk, Now.AddDays(1), PropertyCompanyCode: Company)),
            Lodged("property-service"),
            (ComplaintId, new ComplaintResolved(ComplaintId, "电梯已修复。", Clerk, Now.AddDays(2), PropertyCompanyCode: "PC02")));

        cases.Keys.ShouldBe([ComplaintId]);
        (cases[ComplaintId].Entries.Count, cases[ComplaintId].LastSequence).ShouldBe((0, 102));
    }

    [Fact]
    public void the_additions_cap_applies_across_cases_in_global_sequence_order_whatever_order_the_cases_are_read_in()
    {
        var events = new List<(Guid, object)> { Registered() };
        var ids = Enumerable.Range(0, 41).Select(_ => Guid.NewGuid()).ToList();
        events.AddRange(ids.Select(id => Lodged("property-service", id)));
        events.AddRange(ids.Select(id => Rated(Satisfaction.Satisfied, id)));
        var (cases, companies) = CreditLedger.Fold(History([.. events]));

        var file = CreditLedger.Compose(Company, companies[Company], cases.Values.OrderByDescending(c => c.Id));

        file.Entries.Select(e => e.Sequence).ShouldBe(file.Entries.Select(e => e.Sequence).Order());
        file.Entries.Take(40).ShouldAllBe(e => e.Points == 1);
        file.Entries[^1].StreamId.ShouldBe(ids[^1]);
        file.Entries[^1].Points.ShouldBe(0);
        file.Entries[^1].Reason.ShouldEndWith("（加分已达上限 40。Additions are capped at 40.）");
        cases[ids[^1]].Entries.ShouldHaveSingleItem().Points.ShouldBe(1);   // the document keeps the rule's own points
        (file.Additions, file.Score).ShouldBe((40, 120));
        file.Cases.Select(c => c.Id).ShouldBe(ids);                           // in the order they were opened
        file.Entries.Count.ShouldBe(file.Cases.Count);
    }

    public static TheoryData<int, int, int> Histories => new() { { 0, 0, 0 }, { 3, 1, 0 }, { 41, 2, 1 }, { 45, 45, 3 } };

    /// <summary>The list reads the cases' figures alone: its line equals the one the composed file gives, cap included.</summary>
    [Theory]
    [MemberData(nameof(Histories))]
    public void the_list_s_line_from_the_cases_figures_equals_the_composed_file_s(int rated, int resolved, int mediations)
    {
        var events = new List<(Guid, object)> { Registered() };
        var ids = Enumerable.Range(0, Math.Max(rated, resolved)).Select(_ => Guid.NewGuid()).ToList();
        events.AddRange(ids.Select(id => Lodged("property-service", id)));
        events.AddRange(ids.Take(rated).Select(id => Rated(Satisfaction.Satisfied, id)));
        events.AddRange(ids.Take(resolved).Select(id => Resolved(id)));
        if (mediations > 0) events.AddRange([MediationOpened(PartySide.Respondent), Agreement(), FollowedUp(PerformanceResult.Performed),
            FollowedUp(PerformanceResult.Breached)]);
        var (cases, companies) = CreditLedger.Fold(History([.. events]));

        var file = CreditLedger.Compose(Company, companies[Company], cases.Values);
        var line = CreditLedger.Summarize(Company, companies[Company], cases.Values.Select(c => c.Figures));

        line.ShouldBe(new CreditFileSummary(file.Id, file.Name, file.LegalRepresentative, file.Score, file.Grade, file.Additions,
            file.Deductions, file.Entries.Count));
        foreach (var followed in cases.Values)
            followed.Figures.ShouldBe(new CreditCaseFigures(followed.Entries.Where(e => e.Points > 0).Sum(e => e.Points),
                -followed.Entries.Where(e => e.Points < 0).Sum(e => e.Points), followed.Entries.Count));
    }

    [Fact]
    public void the_name_credit_code_and_legal_representative_come_from_the_directory_entry_and_an_unknown_company_is_named_by_its_code()
    {
        var cases = CasesAfter(Lodged("property-service"), Resolved()).Values;

        var named = CreditLedger.Compose(Company, new PropertyCompanyInfo("安澜县恒信物业服务有限公司", "91410523AXM5M29E21", "马经理", "13947262444", "王建国"), cases);
        var unknown = CreditLedger.Compose(Company, null, cases);

        (named.Name, named.CreditCode, named.LegalRepresentative, named.Score).ShouldBe(("安澜县恒信物业服务有限公司", "91410523AXM5M29E21", "王建国", 78));
        (unknown.Name, unknown.CreditCode, unknown.LegalRepresentative, unknown.Score).ShouldBe((Company, null, null, 78));
        CreditLedger.Compose("PC02", null, cases).Entries.ShouldBeEmpty();   // the cases of another company are not its file's
    }

    [Fact]
    public void a_revision_of_the_company_renames_the_file_and_its_legal_representative()
    {
        var id = PropertyCompany.Kind.Id(Company);
        var file = FileAfter(Registered(null), (id, new PropertyCompanyRevised(id, Company,
            new PropertyCompanyInfo("安澜县恒信物业有限公司", "91410523AXM5M29E21", "马经理", "13947262444", "李秀英"),
            ["name", "legalRepresentative"], Clerk, Now)));

        file.Name.ShouldBe("安澜县恒信物业有限公司");
        file.LegalRepresentative.ShouldBe("李秀英");
    }

    /// <summary>A file with a complaint (resolved, rated satisfied) and an owner's mediation (agreement, breached).</summary>
    private static CompanyCreditFile MixedFile() =>
        FileAfter(Registered(), Lodged("property-service"), Resolved(), Rated(Satisfaction.Satisfied),
            MediationOpened(PartySide.Respondent), Agreement(), FollowedUp(PerformanceResult.Breached));

    private static Scope ScopeOf(string role) => new($"u-{role}", role, null, null, null);

    [Theory]
    [InlineData(Roles.Office)]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Admin)]
    public void a_county_wide_reader_of_every_kind_of_case_sees_the_file_as_composed(string role)
    {
        var file = MixedFile();

        var seen = file.SeenBy(ScopeOf(role));

        seen.Entries.ShouldBe(file.Entries);
        seen.Cases.ShouldBe(file.Cases);
        seen.Entries.ShouldAllBe(e => !e.CaseHidden);
        (seen.Score, seen.Grade, seen.Additions, seen.Deductions).ShouldBe((71, CreditGrade.B, 1, 10));
    }

    [Fact]
    public void the_supervisor_who_sees_no_mediation_case_keeps_every_entry_and_point_but_the_mediation_cases_are_not_named()
    {
        var file = MixedFile();

        var seen = file.SeenBy(ScopeOf(Roles.Supervisor));

        (seen.Score, seen.Grade, seen.Additions, seen.Deductions).ShouldBe((file.Score, file.Grade, file.Additions, file.Deductions));
        (seen.Score, seen.Grade).ShouldBe((71, CreditGrade.B));
        seen.Entries.Select(e => (e.Rule, e.Points, e.CaseNumber, e.StreamId, e.Version, e.CaseHidden)).ShouldBe(
        [
            (CreditRule.SubstantiatedComplaint, -2, "TS-2026-0001", ComplaintId, 2L, false),
            (CreditRule.GoodRating, 1, "TS-2026-0001", ComplaintId, 3L, false),
            (CreditRule.LostMediation, -3, "", Guid.Empty, 0L, true),
            (CreditRule.DefaultedObligation, -5, "", Guid.Empty, 0L, true),
        ]);
        seen.Entries.Select(e => e.Sequence).ShouldBe(file.Entries.Select(e => e.Sequence));
        seen.Entries[2].Reason.ShouldStartWith(CreditPolicy.Describe(CreditRule.LostMediation));
        seen.Entries[2].Reason.ShouldNotContain("企业减免三个月物业费");   // the agreement's terms are the mediation case's
        seen.Cases.Select(c => (c.Id, c.Kind, c.Number, c.CaseHidden)).ShouldBe(
        [
            (ComplaintId, CreditCaseKind.Complaint, "TS-2026-0001", false),
            (Guid.Empty, CreditCaseKind.Mediation, "", true),
        ]);
        file.Entries[2].StreamId.ShouldBe(MediationId);                       // the file itself is not changed
    }

    [Fact]
    public void a_hidden_addition_past_the_cap_still_says_it_was_capped()
    {
        var events = new List<(Guid, object)> { Registered() };
        foreach (var id in Enumerable.Range(0, 40).Select(_ => Guid.NewGuid())) events.AddRange([Lodged("property-service", id), Rated(Satisfaction.Satisfied, id)]);
        events.AddRange([MediationOpened(PartySide.Respondent), Agreement(), FollowedUp(PerformanceResult.Performed)]);
        var file = FileAfter([.. events]);

        var kept = file.SeenBy(ScopeOf(Roles.Supervisor)).Entries[^1];

        (kept.Rule, kept.Points, kept.CaseHidden).ShouldBe((CreditRule.KeptObligation, 0, true));
        kept.Reason.ShouldContain(CreditPolicy.CapNote);
    }
}
