using Shouldly;
using Whistle.JointMeetings.Worklist;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.JointMeetings;

/// <summary>Given a whistle's events, Then the items the office's worklist holds for it: each kind entering and leaving.</summary>
public class WorklistProjectionTests
{
    private static WorklistWhistle After(params object[] events) => EventSpecification.Project<WorklistProjection, WorklistWhistle>(events);

    private static WhistleBlown BlownWithoutOfficer(params string[] departments) => Blown() with { WithoutActiveOfficer = departments };

    [Fact]
    public void a_whistle_at_community_level_with_every_department_staffed_has_nothing_open_but_where_it_sits()
    {
        var w = After(Blown());

        (w.Id, w.ComplaintId, w.ComplaintNumber, w.Level, w.CommunityCode, w.SubDistrictCode)
            .ShouldBe((WhistleId, Complaints.ComplaintHistory.Id, Complaints.ComplaintHistory.Number, WhistleLevel.Community,
                Complaints.ComplaintHistory.CommunityId, Complaints.ComplaintHistory.SubDistrictId));
        w.Items.ShouldBeEmpty();
    }

    [Fact]
    public void a_whistle_blown_at_the_joint_meeting_level_is_listed_from_when_it_was_blown_until_it_is_concluded()
    {
        After(Blown(WhistleLevel.JointMeeting)).Items.ShouldBe([new WorklistEntry(WorklistKind.AtCountyLevel, null, BlownAt)]);
        After(Blown(WhistleLevel.JointMeeting), Concluded()).Items.ShouldBeEmpty();
    }

    [Fact]
    public void a_whistle_climbing_to_the_joint_meeting_and_then_to_supervision_is_listed_since_it_reached_its_present_level()
    {
        var climbedAt = BlownAt.AddDays(1);
        var toJointMeeting = new WhistleEscalated(WhistleId, WhistleLevel.SubDistrict, WhistleLevel.JointMeeting, Lead, DeadlineKind.SignFor, Original, climbedAt);
        var toSubDistrict = Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, Original, BlownAt.AddHours(5));

        After(Blown(), toSubDistrict).Items.ShouldBeEmpty();
        var atMeeting = After(Blown(WhistleLevel.SubDistrict), toJointMeeting);
        (atMeeting.Level, atMeeting.Items.Single(i => i.Kind == WorklistKind.AtCountyLevel))
            .ShouldBe((WhistleLevel.JointMeeting, new WorklistEntry(WorklistKind.AtCountyLevel, null, climbedAt)));

        var supervised = After(Blown(WhistleLevel.SubDistrict), toJointMeeting, Supervised(Lead, WhistleLevel.JointMeeting));
        supervised.Level.ShouldBe(WhistleLevel.CountySupervision);
        supervised.Items.Where(i => i.Kind == WorklistKind.AtCountyLevel)
            .ShouldBe([new WorklistEntry(WorklistKind.AtCountyLevel, null, RulingFrom(RejectedAt).Due)]);
    }

    [Fact]
    public void a_rejection_awaits_the_ruling_due_when_the_pause_says_until_the_office_rules()
    {
        var ruling = RulingFrom(RejectedAt);
        After([Blown(), .. RejectedAndPaused(Lead)]).Items
            .ShouldBe([new WorklistEntry(WorklistKind.AwaitingRuling, Lead, RejectedAt, ruling.Due)]);

        After([Blown(), .. RejectedAndPaused(Lead), Overruled(Lead, Original), PauseEnded(Lead)]).Items.ShouldBeEmpty();
        After([Blown(), .. RejectedAndPaused(Lead), Upheld(Lead, Other, Original), PauseEnded(Lead)]).Items.ShouldBeEmpty();
    }

    [Fact]
    public void a_rejection_recorded_before_pauses_existed_still_awaits_a_ruling_without_a_due_time() =>
        After(Blown(), Rejected(Lead)).Items.ShouldBe([new WorklistEntry(WorklistKind.AwaitingRuling, Lead, RejectedAt)]);

    [Fact]
    public void a_missed_sign_for_is_overdue_until_the_department_signs_for()
    {
        var overdue = Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue);

        After(Blown(), overdue).Items.ShouldBe(
            [new WorklistEntry(WorklistKind.Overdue, Lead, Original.SignForDue, Original.SignForDue, DeadlineKind.SignFor)]);
        After(Blown(), overdue, SignedFor(Lead)).Items.ShouldBeEmpty();
        After(Blown(), overdue, SignedFor(CoHandler)).Items.Count.ShouldBe(1);
    }

    [Fact]
    public void a_missed_reply_stays_overdue_when_the_department_signs_for_and_leaves_when_it_replies()
    {
        var overdue = Overdue(Lead, DeadlineKind.Reply, Original.ReplyDue);

        After(Blown(), SignedFor(Lead), overdue).Items.ShouldBe(
            [new WorklistEntry(WorklistKind.Overdue, Lead, Original.ReplyDue, Original.ReplyDue, DeadlineKind.Reply)]);
        After(Blown(), SignedFor(Lead), overdue, Replied(Lead)).Items.ShouldBeEmpty();
    }

    [Fact]
    public void a_second_miss_of_the_same_due_time_kind_keeps_the_first_so_the_list_counts_from_the_first_miss()
    {
        var later = Original.SignForDue.AddDays(1);
        After(Blown(), Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue), Overdue(Lead, DeadlineKind.SignFor, later)).Items
            .ShouldBe([new WorklistEntry(WorklistKind.Overdue, Lead, Original.SignForDue, Original.SignForDue, DeadlineKind.SignFor)]);
    }

    [Fact]
    public void a_published_breach_notice_is_listed_until_the_department_does_what_it_missed()
    {
        var publishedAt = Original.SignForDue.AddDays(2);
        var events = new object[] { Blown(), Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue), Noticed(Lead, DeadlineKind.SignFor, Original.SignForDue, publishedAt) };

        After(events).Items.Single(i => i.Kind == WorklistKind.BreachNotice)
            .ShouldBe(new WorklistEntry(WorklistKind.BreachNotice, Lead, publishedAt, Original.SignForDue, DeadlineKind.SignFor));
        After([.. events, SignedFor(Lead)]).Items.ShouldBeEmpty();
        After([.. events, Concluded()]).Items.ShouldBeEmpty();
    }

    [Fact]
    public void a_rejection_stops_the_departments_clock_so_its_overdue_items_give_way_to_the_ruling()
    {
        object[] events = [Blown(), Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue), .. RejectedAndPaused(Lead)];

        After(events).Items.Select(i => (i.Kind, i.Department)).ShouldBe([(WorklistKind.AwaitingRuling, Lead)]);
    }

    [Fact]
    public void a_department_without_an_active_officer_is_listed_against_its_sign_for_due_time_until_an_officer_acts()
    {
        var blown = BlownWithoutOfficer(CoHandler);

        After(blown).Items.ShouldBe([new WorklistEntry(WorklistKind.WithoutActiveOfficer, CoHandler, BlownAt, Original.SignForDue)]);
        After(blown, SignedFor(CoHandler)).Items.ShouldBeEmpty();
        After(blown, SignedFor(Lead)).Items.Count.ShouldBe(1);
        After(blown, Rejected(CoHandler)).Items.Select(i => i.Kind).ShouldBe([WorklistKind.AwaitingRuling]);
        After(blown, ExtensionAsked(CoHandler, Original.ReplyDue.AddDays(3))).Items.ShouldBeEmpty();
    }

    [Fact]
    public void a_department_moved_off_the_whistle_by_an_upheld_rejection_leaves_with_all_its_items()
    {
        var events = new object[]
        {
            BlownWithoutOfficer(Lead), Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue),
            Noticed(Lead, DeadlineKind.SignFor, Original.SignForDue, Original.SignForDue.AddDays(2)), Rejected(Lead),
        };
        After([.. events, Upheld(Lead, Other, Original)]).Items.ShouldBeEmpty();
    }

    [Fact]
    public void a_concluded_whistle_leaves_the_list_whole_and_opens_nothing_more()
    {
        var events = new object[]
        {
            BlownWithoutOfficer(CoHandler) with { Level = WhistleLevel.JointMeeting },
            Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue), Concluded(),
        };

        var w = After(events);
        (w.Concluded, w.Items.Count).ShouldBe((true, 0));
        After([.. events, Noticed(Lead, DeadlineKind.SignFor, Original.SignForDue, BlownAt.AddDays(6))]).Items.ShouldBeEmpty();
    }
}
