using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.FeeDisputes;
using Whistle.History.Timeline;
using Whistle.JointMeetings.Meetings;
using Whistle.Kernel;
using Whistle.Mediation;
using Whistle.Whistles;
using Xunit;

namespace Whistle.UnitTests.History.Timeline;

public class SentenceTests
{
    private static readonly DateTimeOffset Now = EventSpecification.Now;
    private static readonly Guid Id = Guid.Parse("0193a000-0000-7000-8000-0000000000aa");
    private static readonly Actor Wang = new("u-wang", "王某", Roles.Community);
    private static readonly Actor Li = new("u-li", "李四", Roles.Clerk);
    private static readonly Actor Zhou = new("u-zhou", "周调", Roles.Mediator);
    private static readonly Actor Sun = new("u-sun", "孙办", Roles.Office);

    private static readonly SentenceContext Complaint = new("投诉 TS-2026-000012", "complaint TS-2026-000012", PersonalData: true);
    private static readonly SentenceContext Whistle = new("哨单 TS-2026-000012/1", "whistle TS-2026-000012/1", PersonalData: true);
    private static readonly SentenceContext Dispute = new("物业费纠纷 WY-2026-000003", "fee dispute WY-2026-000003", PersonalData: true);
    private static readonly SentenceContext Mediation = new("调解案件 TJ-2026-000001", "mediation case TJ-2026-000001", PersonalData: true);
    private static readonly SentenceContext Meeting = new("联席会议（2026-11-20）", "the joint meeting of 2026-11-20", PersonalData: true);

    public static TheoryData<string> CaseEventTypes() =>
        [.. ComplaintEventTypes.All.Concat(WhistleEventTypes.All).Concat(FeeDisputeEventTypes.All).Concat(MediationEventTypes.All)
            .Concat(JointMeetingEventTypes.All).Select(t => t.AssemblyQualifiedName!)];

    private static (string Zh, string En) Sentence(object e, SentenceContext c, long version) =>
        Sentences.Compose(Sentences.PhraseOf(e, c)!, Sentences.ActorOf(e), EventMoment.Of(e)!.Value, version);

    [Theory]
    [MemberData(nameof(CaseEventTypes))]
    public void every_event_a_case_timeline_can_hold_has_a_sentence_of_its_own_not_the_fallback(string typeName)
    {
        var e = SampleEvents.Of(Type.GetType(typeName)!);

        var phrase = Sentences.PhraseOf(e, Complaint with { PersonalData = false });

        phrase.ShouldNotBeNull($"{e.GetType().Name} has no sentence");
        phrase.Zh.ShouldNotContain(e.GetType().Name);
        phrase.En.ShouldNotContain(e.GetType().Name);
    }

    [Fact]
    public void an_unknown_event_falls_back_to_its_type_name_on_its_stream() =>
        Sentences.Fallback(new Unknown(), Complaint).ShouldBe(new Phrase("在投诉 TS-2026-000012上记录 Unknown", "recorded Unknown on complaint TS-2026-000012"));

    [Fact]
    public void an_acceptance_names_the_actor_the_next_due_time_and_the_policy_and_calendar_versions_it_was_computed_under()
    {
        var due = new ComplaintDeadline(ComplaintStep.Resolve, Now.AddDays(7), Now.AddDays(6), PolicyVersion: 3, CalendarVersion: 2);

        Sentence(new ComplaintAccepted(Id, Wang, Now, due), Complaint, 2).ShouldBe((
            "2026-11-27 09:30 社区工作者 王某 受理投诉 TS-2026-000012，办结应于 2026-12-04 09:30 前完成（第 2 版；时限政策第 3 版，工作日历第 2 版）。",
            "2026-11-27 09:30 Community worker 王某 accepted complaint TS-2026-000012; resolve due 2026-12-04 09:30 (version 2; deadline policy v3, calendar v2)."));
    }

    [Fact]
    public void a_lodging_read_by_an_analyst_masks_the_complainants_name_and_phone()
    {
        var lodged = new ComplaintLodged(Id, "TS-2026-000012", ComplaintChannel.Hotline, "illegal-parking", "CP010101", "CM0101", "SD01",
            new Complainant("张三", "13812345678", "东关花园3号楼"), "消防通道被占", Li, Now);

        Sentence(lodged, Complaint with { PersonalData = false }, 1).ShouldBe((
            "2026-11-27 09:30 受理员 李四 登记投诉 TS-2026-000012（12345 热线；投诉人 张*，电话 138****5678）（第 1 版）。",
            "2026-11-27 09:30 Hotline clerk 李四 lodged complaint TS-2026-000012 (hotline; complainant 张*, phone 138****5678) (version 1)."));
        Sentence(lodged, Complaint, 1).Zh.ShouldContain("投诉人 张三，电话 13812345678");
    }

    [Fact]
    public void a_missed_complaint_step_is_told_as_the_clocks_doing() =>
        Sentence(new ComplaintOverdue(Id, ComplaintStep.Accept, Now.AddHours(-1), Now), Complaint, 3).ShouldBe((
            "2026-11-27 09:30 系统（时限） 记录投诉 TS-2026-000012的受理已超期（应于 2026-11-27 08:30 前完成）（第 3 版）。",
            "2026-11-27 09:30 The clock recorded complaint TS-2026-000012 overdue on its accept step, due 2026-11-27 08:30 (version 3)."));

    [Fact]
    public void a_missed_sign_for_names_the_department_and_the_due_time() =>
        Sentence(new AssignmentOverdue(Id, "chengguan", DeadlineKind.SignFor, Now.AddHours(-1), Now), Whistle, 4).ShouldBe((
            "2026-11-27 09:30 系统（时限） 记录哨单 TS-2026-000012/1中 chengguan 的签收超期（应于 2026-11-27 08:30 前）（第 4 版）。",
            "2026-11-27 09:30 The clock recorded chengguan overdue to sign for on whistle TS-2026-000012/1, due 2026-11-27 08:30 (version 4)."));

    [Fact]
    public void an_escalation_names_the_levels_and_the_versions_of_the_renewed_due_times()
    {
        var renewed = new AssignmentDeadlines(Now.AddHours(24), Now.AddHours(20), Now.AddDays(5), Now.AddDays(4), PolicyVersion: 1, CalendarVersion: 1);

        Sentence(new WhistleEscalated(Id, WhistleLevel.Community, WhistleLevel.SubDistrict, "chengguan", DeadlineKind.SignFor, renewed, Now), Whistle, 5)
            .ShouldBe((
                "2026-11-27 09:30 系统（时限） 因 chengguan 未按时签收，哨单 TS-2026-000012/1由社区级升至街道级，chengguan 的签收时限重置为 2026-11-28 09:30（第 5 版；时限政策第 1 版，工作日历第 1 版）。",
                "2026-11-27 09:30 The clock raised whistle TS-2026-000012/1 from community to sub district level because chengguan missed its sign for; chengguan signs for by 2026-11-28 09:30 (version 5; deadline policy v1, calendar v1)."));
    }

    [Fact]
    public void a_fee_dispute_read_by_an_analyst_masks_the_owner()
    {
        var raised = new FeeDisputeRaised(Id, "WY-2026-000003", DisputeRaiser.Company, "PC45", "CP010101", "CM0101", "SD01", "3号楼2单元501",
            "赵五", "13700001234", new BillingPeriod(new(2026, 1, 1), new(2026, 6, 30)), 2400m, Li, Now, "东关花园");

        Sentence(raised, Dispute with { PersonalData = false }, 1).ShouldBe((
            "2026-11-27 09:30 受理员 李四 登记物业费纠纷 WY-2026-000003（物业企业追缴；东关花园 3号楼2单元501；业主 赵*，电话 137****1234；欠费 2400.00 元）（第 1 版）。",
            "2026-11-27 09:30 Hotline clerk 李四 raised fee dispute WY-2026-000003 (the company claims fees; 东关花园 3号楼2单元501; owner 赵*, phone 137****1234; owed 2400.00 yuan) (version 1)."));
    }

    [Fact]
    public void a_referral_to_mediation_names_the_mediation_case() =>
        Sentence(new FeeDisputeReferredToMediation(Id, Guid.NewGuid(), "TJ-2026-000001", Zhou, Now), Dispute, 2).ShouldBe((
            "2026-11-27 09:30 调解员 周调 将物业费纠纷 WY-2026-000003转调解（调解案件 TJ-2026-000001）（第 2 版）。",
            "2026-11-27 09:30 Mediator 周调 referred fee dispute WY-2026-000003 to mediation (mediation case TJ-2026-000001) (version 2)."));

    [Fact]
    public void a_mediation_case_read_by_an_analyst_masks_people_but_not_organisations()
    {
        var opened = new MediationCaseOpened(Id, "TJ-2026-000001", ReferralSource.FeeDispute, Guid.NewGuid(), "WY-2026-000003", null,
            [new MediationParty("赵五", "13700001234", PartySide.Applicant), new MediationParty("东关物业公司", null, PartySide.Respondent, IsOrganisation: true)],
            "物业费纠纷", "PC45", "CP010101", "CM0101", "SD01", Zhou, Now);

        Sentence(opened, Mediation with { PersonalData = false }, 1).ShouldBe((
            "2026-11-27 09:30 调解员 周调 登记调解案件 TJ-2026-000001（物业费纠纷转调解 WY-2026-000003；当事人：赵* 137****1234、东关物业公司；事项：物业费纠纷）（第 1 版）。",
            "2026-11-27 09:30 Mediator 周调 opened mediation case TJ-2026-000001 (fee dispute WY-2026-000003; parties: 赵* 137****1234, 东关物业公司; matter: 物业费纠纷) (version 1)."));
    }

    [Fact]
    public void a_meetings_resolution_names_the_item_the_departments_and_the_deadline() =>
        Sentence(new ResolutionAdopted(Id, Guid.NewGuid(), 1, "zhujian", ["chengguan"], "拆除违建", Now.AddDays(10), "联席会议制度第五条", Sun, Now), Meeting, 6)
            .ShouldBe((
                "2026-11-27 09:30 联席办 孙办 联席会议（2026-11-20）就第 1 项作出决议：zhujian 牵头，chengguan 配合，2026-12-07 09:30 前拆除违建（第 6 版）。",
                "2026-11-27 09:30 Joint-meeting office 孙办 adopted a resolution on item 1 of the joint meeting of 2026-11-20: zhujian leads, chengguan co-handle, by 2026-12-07 09:30: 拆除违建 (version 6)."));

    private sealed record Unknown;
}
