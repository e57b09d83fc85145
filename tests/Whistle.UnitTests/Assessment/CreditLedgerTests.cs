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

/// <summary>Given the events of several streams, Then the credit file's entries, score and grade.</summary>
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
}
