using Shouldly;
using Whistle.Kernel;
using Whistle.Notifications;
using Whistle.UnitTests.Complaints;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Notifications;

/// <summary>The notice each whistle event gives, word for word, before the directory's names are put in.</summary>
public class WhistleNoticesTests
{
    private static readonly Guid EventId = Guid.Parse("019ca8f0-3000-7000-8000-00000000e001");

    private static NotifyAudience Notice(object data)
    {
        var e = EventSpecification.Wrap(data, 2);
        e.Id = EventId;
        return WhistleNotices.Of(e).ShouldNotBeNull();
    }

    [Fact]
    public void a_blown_whistle_tells_its_departments_what_is_needed_and_when_to_sign_for_it()
    {
        var blown = Blown() with { Told = [Audience.Officers(Lead), Audience.Officers(CoHandler)] };

        var notice = Notice(blown);

        notice.ShouldBe(notice with { EventId = EventId, Kind = NoticeKind.Assigned, CaseId = WhistleId, Link = $"/api/whistles/{WhistleId}", At = BlownAt });
        notice.Told.ShouldBe(blown.Told);
        notice.Title.ShouldBe("新派单：TS-2026-000123");
        notice.Body.ShouldBe(
            "社区吹哨（日常哨），由{department:chengguan}牵头，{department:guihua}配合办理，请于 3月3日 09:00 前签收。诉求：" + Need);
        Need.ShouldEndWith("。");
    }

    [Fact]
    public void a_reminder_names_the_step_and_its_due_time() =>
        Notice(new ReminderSent(WhistleId, Lead, DeadlineKind.Reply, Original.ReplyDue, Original.ReplyReminder, [Audience.Officers(Lead)]))
            .ShouldSatisfyAllConditions(
                n => n.Kind.ShouldBe(NoticeKind.Reminder),
                n => n.Title.ShouldBe("催办：{complaint} 待反馈"),
                n => n.Body.ShouldBe("{department:chengguan}的吹哨任务须于 3月11日 17:00 前反馈，请抓紧办理。"));

    [Fact]
    public void an_escalation_says_who_missed_what_the_level_now_is_and_the_new_due_time()
    {
        var renewed = DeadlinesFrom(Original.SignForDue);

        var notice = Notice(new WhistleEscalated(WhistleId, WhistleLevel.SubDistrict, WhistleLevel.JointMeeting, Lead, DeadlineKind.SignFor,
            renewed, Original.SignForDue, [Audience.Officers(Lead), Audience.Office]));

        notice.Kind.ShouldBe(NoticeKind.Escalated);
        notice.Title.ShouldBe("升级：{complaint} 已升至联席会议");
        notice.Body.ShouldBe("{department:chengguan}未按时签收，吹哨由街道升至联席会议；新的签收时限为 3月4日 09:00。");
    }

    [Fact]
    public void a_rejection_quotes_its_legal_basis_and_reason_for_the_office() =>
        Notice(Rejected(Lead) with { Told = [Audience.Office] }).Body
            .ShouldBe("{department:chengguan}以“《城乡规划法》第六十四条”为由退单：违法建设的认定属规划部门职责。请审定。");

    [Fact]
    public void a_ruling_says_whether_the_rejection_stood_and_what_is_due()
    {
        var renewed = DeadlinesFrom(Now);

        Notice(Upheld(Lead, Other, renewed) with { Told = [Audience.Office] }).ShouldSatisfyAllConditions(
            n => n.Title.ShouldBe("退单审定：{complaint} 退单成立"),
            n => n.Body.ShouldBe("{department:chengguan}退单成立，改由{department:zhujian}办理，请于 3月3日 10:00 前签收。理由：退单理由成立。"));
        Notice(Overruled(Lead, renewed) with { Told = [Audience.Office] }).ShouldSatisfyAllConditions(
            n => n.Title.ShouldBe("退单审定：{complaint} 退单不成立"),
            n => n.Body.ShouldBe("{department:chengguan}退单不成立，须继续办理，反馈时限为 3月11日 17:00。理由：属本部门职责。"));
    }

    [Fact]
    public void the_extension_notices_name_the_time_asked_for_and_the_answer()
    {
        var asked = Original.ReplyDue.AddDays(7);
        var told = new[] { Audience.Community("CM0101") };

        Notice(ExtensionAsked(Lead, asked) with { Told = told }).Body.ShouldBe("{department:chengguan}申请将反馈时限延至 3月18日 17:00：需等待规划认定结论。请批复。");
        Notice(Granted(Lead, asked, asked.AddDays(-2)) with { Told = told }).Body.ShouldBe("{department:chengguan}的反馈时限已延至 3月18日 17:00。");
        Notice(Refused(Lead) with { Told = told }).Title.ShouldBe("延期未批准：{complaint}");
        Notice(Returned(Lead, DeadlinesFrom(Now)) with { Told = told }).Body.ShouldBe("{department:chengguan}的反馈被退回：现场仍有残余构件。请于 3月11日 17:00 前重新反馈。");
    }

    [Fact]
    public void an_event_recorded_before_audiences_were_named_tells_nobody()
    {
        WhistleNotices.Of(EventSpecification.Wrap(Blown(), 1)).ShouldBeNull();
        WhistleNotices.Of(EventSpecification.Wrap(Rejected(Lead) with { Told = [] }, 2)).ShouldBeNull();
        WhistleNotices.Of(EventSpecification.Wrap(SignedFor(Lead), 2)).ShouldBeNull();
    }

    [Fact]
    public void free_text_is_cut_to_sixty_characters() =>
        Notice(Refused(Lead) with { Reason = new string('急', 80), Told = [Audience.Officers(Lead)] }).Body
            .ShouldEndWith("理由：" + new string('急', 59) + "…。");

    /// <summary>Every whistle event that can carry <c>Told</c> gives a notice, so none is relayed for nothing.</summary>
    [Fact]
    public void every_whistle_event_that_tells_someone_gives_a_notice()
    {
        var telling = WhistleEventTypes.All.Where(t => t.GetProperty("Told") is not null).ToList();

        telling.Count.ShouldBe(14);
        foreach (var type in telling)
        {
            var sample = Samples.Single(s => s.GetType() == type);
            WhistleNotices.Of(EventSpecification.Wrap(sample, 2)).ShouldNotBeNull(type.Name);
        }
    }

    private static readonly Audience[] Someone = [Audience.Office];

    private static IEnumerable<object> Samples =>
    [
        Blown() with { Told = Someone },
        new ReminderSent(WhistleId, Lead, DeadlineKind.SignFor, Original.SignForDue, Original.SignForReminder, Someone),
        new WhistleEscalated(WhistleId, WhistleLevel.Community, WhistleLevel.SubDistrict, Lead, DeadlineKind.Reply, Original, Now, Someone),
        new AssignmentDeadlinesRenewed(WhistleId, Lead, DeadlineKind.SignFor, WhistleLevel.SubDistrict, Original, Now, Someone),
        Rejected(Lead) with { Told = Someone },
        Overruled(Lead, Original) with { Told = Someone },
        Returned(Lead, Original) with { Told = Someone },
        ExtensionAsked(Lead, Now) with { Told = Someone },
        Granted(Lead, Now, Now) with { Told = Someone },
        Refused(Lead) with { Told = Someone },
        new RulingReminderSent(WhistleId, Lead, RulingDue, Now, Someone),
        new RulingOverdue(WhistleId, Lead, RulingDue, Now, Someone),
        new SupervisionOpened(WhistleId, WhistleLevel.SubDistrict, WhistleLevel.CountySupervision, Lead, RulingDue, Now, Someone),
        new BreachNoticePublished(WhistleId, ComplaintHistory.Id, "TS-2026-000123", ComplaintHistory.CommunityId, ComplaintHistory.SubDistrictId,
            Lead, DeadlineKind.Reply, RulingDue, RulingDue, 0, 0, Now, Someone),
    ];

    private static readonly DateTimeOffset RulingDue = new(2026, 3, 4, 17, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void the_office_is_reminded_of_a_ruling_and_told_when_it_is_overdue()
    {
        Notice(new RulingReminderSent(WhistleId, Lead, RulingDue, Now, Someone)).ShouldSatisfyAllConditions(
            n => n.Kind.ShouldBe(NoticeKind.RulingReminder),
            n => n.Title.ShouldBe("审定催办：{complaint}"),
            n => n.Body.ShouldBe("{department:chengguan}的退单待审定，须于 3月4日 17:00 前作出审定。"));
        Notice(new RulingOverdue(WhistleId, Lead, RulingDue, Now, Someone)).Body
            .ShouldBe("{department:chengguan}的退单应于 3月4日 17:00 前审定，至今未审定。");
    }

    [Fact]
    public void a_missed_ruling_tells_the_supervisors_the_whistle_is_under_county_supervision() =>
        Notice(new SupervisionOpened(WhistleId, WhistleLevel.SubDistrict, WhistleLevel.CountySupervision, Lead, RulingDue, Now,
                [Audience.Supervisors, Audience.Office]))
            .ShouldSatisfyAllConditions(
                n => n.Kind.ShouldBe(NoticeKind.Supervision),
                n => n.Told.ShouldBe([Audience.Supervisors, Audience.Office]),
                n => n.Title.ShouldBe("县级督办：{complaint}"),
                n => n.Body.ShouldBe("{department:chengguan}退单的审定逾期（应于 3月4日 17:00 前），吹哨由街道升至县级督办。"));

    [Fact]
    public void a_breach_notice_names_the_department_and_what_it_missed() =>
        Notice(new BreachNoticePublished(WhistleId, ComplaintHistory.Id, "TS-2026-000123", ComplaintHistory.CommunityId,
                ComplaintHistory.SubDistrictId, Lead, DeadlineKind.Reply, RulingDue, RulingDue, 0, 0, Now, Someone))
            .ShouldSatisfyAllConditions(
                n => n.Kind.ShouldBe(NoticeKind.BreachNotice),
                n => n.Title.ShouldBe("通报：TS-2026-000123"),
                n => n.Body.ShouldBe("{department:chengguan}未按时反馈（应于 3月4日 17:00 前），逾期至今未纠正，予以通报。"));
}
