using Shouldly;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class WhistleDetailsProjectionTests
{
    [Fact]
    public void a_blown_whistle_shows_who_blew_it_each_departments_due_times_and_the_versions_they_came_from()
    {
        var details = DetailsAfter(Blown());

        (details.Id, details.ComplaintId, details.ComplaintNumber, details.CategoryId, details.Type, details.Level)
            .ShouldBe((WhistleId, Id, Number, Category, WhistleType.Routine, WhistleLevel.Community));
        (details.CommunityCode, details.SubDistrictCode, details.Need, details.BlownBy, details.BlownAt)
            .ShouldBe((CommunityId, SubDistrictId, Need, Whistler, BlownAt));
        (details.CatalogueVersion, details.PolicyVersion, details.CalendarVersion, details.DepartureReason).ShouldBe((4, 0, 0, (string?)null));
        (details.Version, details.Concluded, details.ConcludedAt).ShouldBe((1L, false, (DateTimeOffset?)null));
        details.Assignments.Select(a => (a.Department, a.Role, a.Status, a.SignForDue, a.SignForReminder, a.ReplyDue, a.ReplyReminder)).ShouldBe(
        [
            (Lead, AssignmentRole.Lead, AssignmentStatus.Awaiting, Original.SignForDue, Original.SignForReminder, Original.ReplyDue, Original.ReplyReminder),
            (CoHandler, AssignmentRole.CoHandling, AssignmentStatus.Awaiting, Original.SignForDue, Original.SignForReminder, Original.ReplyDue, Original.ReplyReminder),
        ]);
        details.OpenDepartments.ShouldBe([Lead, CoHandler]);
    }

    [Fact]
    public void a_department_that_signed_for_still_has_work_to_do()
    {
        var details = DetailsAfter(Blown(), SignedFor(Lead));

        details.OpenDepartments.ShouldBe([Lead, CoHandler]);
        var lead = details.Find(Lead).ShouldNotBeNull();
        (lead.Status, lead.StatusLabel, lead.SignedForAt).ShouldBe((AssignmentStatus.SignedFor, "办理中", (DateTimeOffset?)SignedFor(Lead).At));
        details.Version.ShouldBe(2);
    }

    [Fact]
    public void a_department_that_replied_leaves_the_open_departments()
    {
        var details = DetailsAfter(Blown(), SignedFor(Lead), Replied(Lead));

        details.OpenDepartments.ShouldBe([CoHandler]);
        var lead = details.Find(Lead).ShouldNotBeNull();
        (lead.Status, lead.Result, lead.RepliedAt).ShouldBe((AssignmentStatus.Replied, Replied(Lead).Result, (DateTimeOffset?)Replied(Lead).At));
        lead.Evidence.ShouldBe(["photo-1.jpg"]);
    }

    [Fact]
    public void a_returned_reply_brings_the_department_back_with_the_renewed_reply_due()
    {
        var renewed = DeadlinesFrom(BlownAt.AddDays(4));

        var details = DetailsAfter(Blown(), SignedFor(Lead), Replied(Lead), Returned(Lead, renewed));

        details.OpenDepartments.ShouldBe([Lead, CoHandler]);
        var lead = details.Find(Lead).ShouldNotBeNull();
        (lead.Status, lead.ReplyDue, lead.ReplyReminder, lead.Returned).ShouldBe((AssignmentStatus.SignedFor, renewed.ReplyDue, renewed.ReplyReminder, 1));
    }

    [Fact]
    public void a_rejection_awaiting_the_ruling_stays_open()
    {
        var details = DetailsAfter(Blown(), Rejected(Lead));

        details.OpenDepartments.ShouldBe([Lead, CoHandler]);
        var lead = details.Find(Lead).ShouldNotBeNull();
        (lead.Status, lead.RejectionBasis).ShouldBe((AssignmentStatus.Rejected, Rejected(Lead).LegalBasis));
    }

    [Fact]
    public void an_upheld_rejection_replaces_the_department_in_the_open_departments()
    {
        var renewed = DeadlinesFrom(BlownAt.AddDays(1));

        var details = DetailsAfter(Blown(), Rejected(Lead), Upheld(Lead, Other, renewed));

        details.OpenDepartments.ShouldBe([CoHandler, Other]);
        details.Find(Lead).ShouldBeNull();
        details.Assignments.Select(a => (a.Department, a.Role, a.Status, a.Ruling)).ShouldBe(
        [
            (Lead, AssignmentRole.Lead, AssignmentStatus.Reassigned, "Upheld"),
            (CoHandler, AssignmentRole.CoHandling, AssignmentStatus.Awaiting, null),
            (Other, AssignmentRole.Lead, AssignmentStatus.Awaiting, null),
        ]);
        details.Find(Other).ShouldNotBeNull().SignForDue.ShouldBe(renewed.SignForDue);
    }

    [Fact]
    public void an_overruled_rejection_puts_the_department_back_in_hand_with_the_renewed_reply_due()
    {
        var renewed = DeadlinesFrom(BlownAt.AddDays(2));

        var details = DetailsAfter(Blown(), Rejected(Lead), Overruled(Lead, renewed));

        details.OpenDepartments.ShouldBe([Lead, CoHandler]);
        var lead = details.Find(Lead).ShouldNotBeNull();
        (lead.Status, lead.Ruling, lead.SignForDue, lead.ReplyDue, lead.ReplyReminder)
            .ShouldBe((AssignmentStatus.SignedFor, "Overruled", Original.SignForDue, renewed.ReplyDue, renewed.ReplyReminder));
    }

    [Fact]
    public void an_extension_shows_while_pending_and_moves_the_reply_due_when_granted()
    {
        var proposed = Original.ReplyDue.AddDays(7);
        object[] asked = [Blown(), SignedFor(Lead), ExtensionAsked(Lead, proposed)];

        var pending = DetailsAfter(asked).Find(Lead).ShouldNotBeNull();
        (pending.ProposedReplyDue, pending.ExtensionReason).ShouldBe(((DateTimeOffset?)proposed, ExtensionAsked(Lead, proposed).Reason));

        var granted = DetailsAfter([.. asked, Granted(Lead, proposed, proposed.AddDays(-2))]);
        var lead = granted.Find(Lead).ShouldNotBeNull();
        (lead.ReplyDue, lead.ReplyReminder, lead.ProposedReplyDue).ShouldBe((proposed, proposed.AddDays(-2), (DateTimeOffset?)null));
        granted.OpenDepartments.ShouldBe([Lead, CoHandler]);
    }

    [Fact]
    public void a_refused_extension_leaves_the_reply_due_as_it_was()
    {
        var proposed = Original.ReplyDue.AddDays(7);

        var lead = DetailsAfter(Blown(), SignedFor(Lead), ExtensionAsked(Lead, proposed), Refused(Lead)).Find(Lead).ShouldNotBeNull();

        (lead.ReplyDue, lead.ProposedReplyDue).ShouldBe((Original.ReplyDue, (DateTimeOffset?)null));
    }

    [Fact]
    public void reminders_are_counted_and_an_overdue_department_is_marked()
    {
        var lead = DetailsAfter(
                Blown(),
                Reminded(Lead, DeadlineKind.SignFor, Original.SignForDue, Original.SignForReminder),
                Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue))
            .Find(Lead).ShouldNotBeNull();

        (lead.Reminders, lead.Overdue).ShouldBe((1, true));
    }

    [Fact]
    public void each_escalation_raises_the_level_and_is_listed()
    {
        var first = Original.SignForDue;
        var renewed = SignForRenewedFrom(first, Original);
        var second = Original.ReplyDue;

        var details = DetailsAfter(
            Blown(),
            Overdue(Lead, DeadlineKind.SignFor, first),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, renewed, first),
            SignedFor(Lead),
            Overdue(Lead, DeadlineKind.Reply, second),
            Escalated(WhistleLevel.SubDistrict, Lead, DeadlineKind.Reply, DeadlinesFrom(second), second));

        details.Level.ShouldBe(WhistleLevel.JointMeeting);
        details.Escalations.ShouldBe(
        [
            new WhistleDetails.Escalation(WhistleLevel.Community, WhistleLevel.SubDistrict, Lead, DeadlineKind.SignFor, first),
            new WhistleDetails.Escalation(WhistleLevel.SubDistrict, WhistleLevel.JointMeeting, Lead, DeadlineKind.Reply, second),
        ]);
        var lead = details.Find(Lead).ShouldNotBeNull();
        (lead.SignForDue, lead.ReplyDue).ShouldBe((renewed.SignForDue, DeadlinesFrom(second).ReplyDue));
        details.Find(CoHandler).ShouldNotBeNull().ReplyDue.ShouldBe(Original.ReplyDue);
    }

    [Fact]
    public void a_department_missing_the_round_another_raised_is_overdue_with_the_rounds_due_times_and_no_new_level()
    {
        var at = Original.SignForDue;
        var renewed = SignForRenewedFrom(at, Original);

        var details = DetailsAfter(
            Blown(),
            Overdue(Lead, DeadlineKind.SignFor, at),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, renewed, at),
            Overdue(CoHandler, DeadlineKind.SignFor, at),
            RenewedInRound(WhistleLevel.SubDistrict, CoHandler, DeadlineKind.SignFor, renewed, at.AddSeconds(3)));

        (details.Level, details.Escalations.Count).ShouldBe((WhistleLevel.SubDistrict, 1));
        var coHandler = details.Find(CoHandler).ShouldNotBeNull();
        (coHandler.Overdue, coHandler.SignForDue, coHandler.SignForReminder, coHandler.ReplyDue, coHandler.ReplyReminder)
            .ShouldBe((true, renewed.SignForDue, renewed.SignForReminder, Original.ReplyDue, Original.ReplyReminder));
    }

    [Fact]
    public void a_missed_reply_leaves_the_sign_for_due_time_as_it_was()
    {
        var at = Original.ReplyDue;
        var renewed = DeadlinesFrom(at);

        var lead = DetailsAfter(Blown(), SignedFor(Lead), Escalated(WhistleLevel.Community, Lead, DeadlineKind.Reply, renewed, at))
            .Find(Lead).ShouldNotBeNull();

        (lead.SignForDue, lead.SignForReminder, lead.ReplyDue, lead.ReplyReminder)
            .ShouldBe((Original.SignForDue, Original.SignForReminder, renewed.ReplyDue, renewed.ReplyReminder));
    }

    [Fact]
    public void a_concluded_whistle_has_no_open_departments_and_shows_the_ratings()
    {
        var concluded = Concluded();

        var details = DetailsAfter([.. AllReplied, Rated(Lead, 5), Rated(CoHandler, 3), concluded]);

        details.OpenDepartments.ShouldBeEmpty();
        (details.Concluded, details.ConcludedAt, details.Version).ShouldBe((true, (DateTimeOffset?)concluded.At, 8L));
        details.Assignments.Select(a => (a.Department, a.Score)).ShouldBe([(Lead, (int?)5), (CoHandler, 3)]);
    }

    [Fact]
    public void find_skips_an_assignment_reassigned_away_and_back()
    {
        var details = DetailsAfter(
            Blown(), Rejected(Lead), Upheld(Lead, Other, DeadlinesFrom(BlownAt.AddDays(1))),
            Rejected(Other), Upheld(Other, Lead, DeadlinesFrom(BlownAt.AddDays(2))), SignedFor(Lead));

        details.Find(Lead).ShouldNotBeNull().Status.ShouldBe(AssignmentStatus.SignedFor);
        details.Find(Other).ShouldBeNull();
        details.OpenDepartments.ShouldBe([CoHandler, Lead]);
    }

    [Fact]
    public void each_assignment_shows_until_when_it_may_be_rejected() =>
        DetailsAfter(Blown()).Assignments.Select(a => a.RejectionWindowEnd)
            .ShouldBe([RejectionWindowFrom(BlownAt), RejectionWindowFrom(BlownAt)]);

    [Fact]
    public void a_rejection_opens_a_pause_of_the_departments_clock_awaiting_the_ruling()
    {
        var ruling = RulingFrom(RejectedAt);

        var lead = DetailsAfter(Blown(), Rejected(Lead), Paused(Lead), RulingReminded(Lead)).Find(Lead).ShouldNotBeNull();

        lead.Pauses.ShouldBe([new WhistleDetails.Pause(RejectedAt, null, PauseReason.AwaitingRuling, ruling.Due, ruling.Reminder, RulingReminded: true)]);
        lead.Pauses[0].ReasonLabel.ShouldBe("退单待审定");
        lead.PausedSince.ShouldBe(RejectedAt);
    }

    [Fact]
    public void the_ruling_closes_the_pause_and_an_overruled_department_runs_again()
    {
        var ended = PauseEnded(Lead);

        var lead = DetailsAfter(Blown(), Rejected(Lead), Paused(Lead), ended, Overruled(Lead, DeadlinesFrom(ended.At))).Find(Lead).ShouldNotBeNull();

        lead.Pauses.ShouldHaveSingleItem().To.ShouldBe(ended.At);
        (lead.PausedSince, lead.Status, lead.ReplyDue).ShouldBe(((DateTimeOffset?)null, AssignmentStatus.SignedFor, DeadlinesFrom(ended.At).ReplyDue));
    }

    [Fact]
    public void an_upheld_ruling_closes_the_pause_on_the_department_it_moves_the_case_away_from()
    {
        var details = DetailsAfter(Blown(), Rejected(Lead), Paused(Lead), PauseEnded(Lead), Upheld(Lead, Other, DeadlinesFrom(BlownAt.AddHours(4))));

        var lead = details.Assignments.Single(a => a.Department == Lead);
        (lead.Status, lead.Pauses.Single().To).ShouldBe((AssignmentStatus.Reassigned, (DateTimeOffset?)PauseEnded(Lead).At));
        details.Find(Other).ShouldNotBeNull().RejectionWindowEnd.ShouldBe(RejectionWindowFrom(BlownAt.AddHours(4)));
    }

    [Fact]
    public void a_ruling_overdue_shows_on_the_pause_and_as_the_climb_to_county_supervision()
    {
        var details = DetailsAfter(Blown(), Rejected(Lead), Paused(Lead), RulingMissed(Lead), Supervised(Lead));

        details.Level.ShouldBe(WhistleLevel.CountySupervision);
        details.Escalations.ShouldBe([new WhistleDetails.Escalation(
            WhistleLevel.Community, WhistleLevel.CountySupervision, Lead, null, RulingFrom(RejectedAt).Due, RulingOverdue: true)]);
        details.Find(Lead).ShouldNotBeNull().Pauses.Single().RulingOverdue.ShouldBeTrue();
    }

    [Fact]
    public void a_breach_published_shows_on_the_whistle()
    {
        var at = Original.SignForDue;
        var published = Noticed(Lead, DeadlineKind.SignFor, at, at.AddDays(7));

        var details = DetailsAfter(Blown(), Overdue(Lead, DeadlineKind.SignFor, at), published);

        details.BreachNotices.ShouldBe([new WhistleDetails.BreachNoticeView(Lead, DeadlineKind.SignFor, at, at, published.At)]);
    }
}
