using Shouldly;
using Whistle.Kernel;
using Whistle.UnitTests.Complaints;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

/// <summary>Who each whistle event tells: one rule per audience, and the decisions that put it on their events.</summary>
public class WhistleAudiencesTests
{
    private static readonly Audience Community = Audience.Community(ComplaintHistory.CommunityId);
    private static readonly Audience SubDistrict = Audience.SubDistrict(ComplaintHistory.SubDistrictId);

    /// <summary>The Given whistle, blown by the sub-district's officer instead of the community's worker.</summary>
    private static WhistleBlown BlownBySubDistrict => Blown(WhistleLevel.SubDistrict) with { By = Users.SubDistrictWorkerActor };

    [Fact]
    public void a_new_assignment_tells_the_officers_of_every_department_assigned_once_each() =>
        WhistleAudiences.Assigned([Lead, CoHandler, Lead]).ShouldBe([Audience.Officers(Lead), Audience.Officers(CoHandler)]);

    [Fact]
    public void a_reminder_tells_the_department_whose_due_time_it_is() =>
        WhistleReminderDueHandler.Handle(new WhistleReminderDue(WhistleId, CoHandler, DeadlineKind.SignFor, Original.SignForDue),
                WhistleAfter(Blown()), Original.SignForReminder)
            .OfType<ReminderSent>().ShouldHaveSingleItem().Told.ShouldBe([Audience.Officers(CoHandler)]);

    [Theory]
    [InlineData(WhistleLevel.Community, WhistleLevel.SubDistrict)]
    [InlineData(WhistleLevel.SubDistrict, WhistleLevel.JointMeeting)]
    [InlineData(WhistleLevel.JointMeeting, WhistleLevel.CountySupervision)]
    public void an_escalation_tells_the_department_that_missed_and_whoever_holds_the_new_level(WhistleLevel from, WhistleLevel to)
    {
        var holder = to switch
        {
            WhistleLevel.SubDistrict => SubDistrict,
            WhistleLevel.JointMeeting => Audience.Office,
            _ => Audience.Supervisors,
        };

        var escalated = WhistleDeadlineReachedHandler.Decide(
                new WhistleDeadlineReached(WhistleId, Lead, DeadlineKind.SignFor, Original.SignForDue), WhistleAfter(Blown(from)), Timing, Original.SignForDue)
            .Item1.OfType<WhistleEscalated>().ShouldHaveSingleItem();

        escalated.To.ShouldBe(to);
        escalated.Told.ShouldBe([Audience.Officers(Lead), holder]);
    }

    [Fact]
    public void the_holder_of_each_level_is_the_community_the_sub_district_the_office_or_the_supervisors()
    {
        var whistle = WhistleAfter(Blown());
        Enum.GetValues<WhistleLevel>().Select(level => WhistleAudiences.Holder(whistle, level))
            .ShouldBe([Community, SubDistrict, Audience.Office, Audience.Supervisors]);
    }

    [Fact]
    public void a_department_renewed_in_a_round_that_already_raised_the_whistle_is_told_alone()
    {
        var at = Original.SignForDue;
        object[] history = [Blown(), Overdue(Lead, DeadlineKind.SignFor, at),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, SignForRenewedFrom(at, Original), at)];

        WhistleDeadlineReachedHandler.Decide(new WhistleDeadlineReached(WhistleId, CoHandler, DeadlineKind.SignFor, at), WhistleAfter(history), Timing, at)
            .Item1.OfType<AssignmentDeadlinesRenewed>().ShouldHaveSingleItem().Told.ShouldBe([Audience.Officers(CoHandler)]);
    }

    [Fact]
    public void a_rejection_tells_the_joint_meeting_office_which_must_rule_on_it() =>
        RejectAssignmentEndpoint.Post(new RejectAssignment("《城乡规划法》第六十四条", "不属本部门"), WhistleAfter(Blown()), Lead, Timing,
                Users.DepartmentOfficer(Lead), Now)
            .Item2.OfType<AssignmentRejected>().ShouldHaveSingleItem().Told.ShouldBe([Audience.Office]);

    [Fact]
    public void an_upheld_ruling_tells_the_rejecting_department_the_new_one_and_the_whistler() =>
        ArbitrateRejectionEndpoint.Arbitrate(new ArbitrateRejection(ArbitrationRuling.Upheld, "改派住建", Other),
                WhistleAfter(Blown(), Rejected(Lead)), Lead, Timing, Users.OfficeActor, Now)
            .Item2.OfType<RejectionArbitrated>().ShouldHaveSingleItem().Told
            .ShouldBe([Audience.Officers(Lead), Audience.Officers(Other), Community]);

    [Fact]
    public void an_overruled_ruling_tells_the_rejecting_department_and_the_whistler_a_sub_district_when_it_blew_the_whistle() =>
        ArbitrateRejectionEndpoint.Arbitrate(new ArbitrateRejection(ArbitrationRuling.Overruled, "属本部门职责"),
                WhistleAfter(BlownBySubDistrict, Rejected(Lead)), Lead, Timing, Users.OfficeActor, Now)
            .Item2.OfType<RejectionArbitrated>().ShouldHaveSingleItem().Told.ShouldBe([Audience.Officers(Lead), SubDistrict]);

    [Fact]
    public void an_extension_request_tells_the_community_that_blew_the_whistle() =>
        RequestExtensionEndpoint.Post(new RequestExtension(Original.ReplyDue.AddDays(7), "需等待认定"), WhistleAfter(Blown(), SignedFor(Lead)), Lead,
                Users.DepartmentOfficer(Lead), Now)
            .Item2.OfType<ExtensionRequested>().ShouldHaveSingleItem().Told.ShouldBe([Community]);

    [Fact]
    public void an_extension_request_on_a_whistle_a_sub_district_officer_blew_tells_the_sub_district() =>
        WhistleAudiences.ExtensionRequested(WhistleAfter(BlownBySubDistrict)).ShouldBe([SubDistrict]);

    [Fact]
    public void the_answers_to_an_extension_and_a_returned_reply_tell_the_department()
    {
        var pending = WhistleAfter(Blown(), SignedFor(Lead), ExtensionAsked(Lead, Original.ReplyDue.AddDays(7)));
        var whistler = Users.CommunityWorker(ComplaintHistory.CommunityId, ComplaintHistory.SubDistrictId);

        GrantExtensionEndpoint.Grant(pending, Lead, Whistle.County.Deadlines.DeadlinePolicy.Default, Whistler, Now)
            .Item2.OfType<ExtensionGranted>().ShouldHaveSingleItem().Told.ShouldBe([Audience.Officers(Lead)]);
        RefuseExtensionEndpoint.Post(new RefuseExtension("须按时办结"), pending, Lead, whistler, Now)
            .Item2.OfType<ExtensionRefused>().ShouldHaveSingleItem().Told.ShouldBe([Audience.Officers(Lead)]);
        ReturnReplyEndpoint.Post(new ReturnReply("仍有残留"), WhistleAfter(Blown(), SignedFor(Lead), Replied(Lead)), Lead, Timing, whistler, Now)
            .Item2.OfType<ReplyReturned>().ShouldHaveSingleItem().Told.ShouldBe([Audience.Officers(Lead)]);
    }
}
