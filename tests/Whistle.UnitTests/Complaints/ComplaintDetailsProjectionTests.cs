using JasperFx.Events;
using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class ComplaintDetailsProjectionTests
{
    private static ComplaintDetails Project(params object[] events) =>
        Project<ComplaintDetailsProjection, ComplaintDetails>(events);

    [Fact]
    public void a_lodged_complaint_shows_who_complained_about_what()
    {
        var details = ComplaintDetailsProjection.Create(new Event<ComplaintLodged>(Lodged()) { Version = 1 });

        details.Id.ShouldBe(Id);
        details.Number.ShouldBe(Number);
        details.Version.ShouldBe(1);
        details.Status.ShouldBe(ComplaintStatus.Lodged);
        details.StatusLabel.ShouldBe("待受理");
        details.Channel.ShouldBe(ComplaintChannel.Hotline);
        details.CategoryId.ShouldBe("illegal-construction");
        details.CompoundId.ShouldBe(CompoundId);
        details.CommunityId.ShouldBe(CommunityId);
        details.SubDistrictId.ShouldBe(SubDistrictId);
        details.Complainant.ShouldBe(Resident);
        details.Description.ShouldBe("楼顶有人违章搭建彩钢房。");
        details.LodgedBy.ShouldBe(Users.ClerkActor);
        details.LodgedAt.ShouldBe(LodgedAt);
        details.UpdatedAt.ShouldBe(LodgedAt);
    }

    [Fact]
    public void accepting_stamps_the_acceptance_and_the_version()
    {
        var details = Project(Lodged());

        ComplaintDetailsProjection.Apply(new Event<ComplaintAccepted>(Accepted()) { Version = 2 }, details);

        details.Status.ShouldBe(ComplaintStatus.Accepted);
        details.AcceptedAt.ShouldBe(LodgedAt.AddHours(1));
        details.UpdatedAt.ShouldBe(LodgedAt.AddHours(1));
        details.Version.ShouldBe(2);
    }

    [Fact]
    public void a_declined_complaint_shows_why_and_where_to_turn()
    {
        var details = Project(Lodged(), Declined());

        details.Status.ShouldBe(ComplaintStatus.Declined);
        details.DeclineReason.ShouldBe("属于民事纠纷，不属于投诉受理范围。");
        details.RedirectTo.ShouldBe("县人民法院");
        details.Version.ShouldBe(2);
    }

    [Fact]
    public void notes_are_listed_in_the_order_they_were_added()
    {
        var details = Project(Lodged(), Accepted(), NoteAdded("已联系物业。"), NoteAdded("已答复居民。", NoteVisibility.Public));

        details.Notes.Select(n => (n.Text, n.Visibility)).ShouldBe(
            [("已联系物业。", NoteVisibility.Internal), ("已答复居民。", NoteVisibility.Public)]);
        details.Notes[0].ShouldBe(new ComplaintDetails.Note(
            Guid.Parse("019ab0c2-4a00-7000-8000-0000000000a1"), NoteVisibility.Internal, "已联系物业。",
            Users.ClerkActor, LodgedAt.AddHours(2)));
        details.Status.ShouldBe(ComplaintStatus.Accepted);
        details.Version.ShouldBe(4);
    }

    [Fact]
    public void reopening_clears_the_outcome_but_keeps_every_follow_up()
    {
        var details = Project(
            Lodged(), Accepted(), Resolved("拆了一半。"), FollowedUp(Satisfaction.Unsatisfied, "没拆完。"), Reopened());

        details.Status.ShouldBe(ComplaintStatus.Accepted);
        details.Reopened.ShouldBe(1);
        details.Outcome.ShouldBeNull();
        details.ResolvedAt.ShouldBeNull();
        details.FollowUps.ShouldBe(
            [new ComplaintDetails.FollowUp(Satisfaction.Unsatisfied, "没拆完。", Users.ClerkActor, LodgedAt.AddDays(4))]);
        details.Version.ShouldBe(5);
    }

    [Fact]
    public void a_closed_complaint_shows_its_last_outcome_and_both_follow_ups()
    {
        var details = Project(
            Lodged(), Accepted(), Resolved("拆了一半。"), FollowedUp(Satisfaction.Unsatisfied, "没拆完。"), Reopened(),
            Resolved("已全部拆除。"), FollowedUp(Satisfaction.Satisfied), Closed());

        details.Status.ShouldBe(ComplaintStatus.Closed);
        details.StatusLabel.ShouldBe("已结案");
        details.Outcome.ShouldBe("已全部拆除。");
        details.ResolvedAt.ShouldBe(LodgedAt.AddDays(3));
        details.FollowUps.Select(f => f.Satisfaction).ShouldBe([Satisfaction.Unsatisfied, Satisfaction.Satisfied]);
        details.ClosedAt.ShouldBe(LodgedAt.AddDays(5));
        details.UpdatedAt.ShouldBe(LodgedAt.AddDays(5));
        details.Version.ShouldBe(8);
    }

    [Fact]
    public void a_withdrawn_complaint_shows_why()
    {
        var details = Project(Lodged(), Accepted(), Withdrawn());

        details.Status.ShouldBe(ComplaintStatus.Withdrawn);
        details.WithdrawalReason.ShouldBe("邻里已协商解决。");
        details.Version.ShouldBe(3);
    }

    [Fact]
    public void a_duplicate_refers_to_its_original()
    {
        var details = Project(Lodged(), MarkedDuplicate(EarlierId, EarlierNumber));

        details.Status.ShouldBe(ComplaintStatus.Duplicate);
        details.DuplicateOf.ShouldBe(new ComplaintDetails.CaseReference(EarlierId, EarlierNumber));
    }

    [Fact]
    public void a_linked_complaint_is_listed_once_however_often_it_is_linked()
    {
        var details = Project(Lodged(), Linked(OtherId, OtherNumber), Linked(EarlierId, EarlierNumber), Linked(OtherId, OtherNumber));

        details.Links.ShouldBe([
            new ComplaintDetails.CaseReference(OtherId, OtherNumber),
            new ComplaintDetails.CaseReference(EarlierId, EarlierNumber)]);
        details.Version.ShouldBe(4);
    }

    private static readonly ComplaintDeadline AcceptDue = Due(ComplaintStep.Accept, "2026-11-21T10:00", "2026-11-21T04:00");
    private static readonly ComplaintDeadline ResolveDue = Due(ComplaintStep.Resolve, "2026-12-01T17:00", "2026-11-28T15:00");
    private static readonly ComplaintDeadline FollowUpDue = Due(ComplaintStep.FollowUp, "2026-12-02T17:00", "2026-12-02T07:00");

    private static ComplaintOverdue Missed(ComplaintDeadline due, string at) => new(Id, due.Step, due.DueAt, At(at), [Audience.Office]);

    [Fact]
    public void the_details_show_the_urgency_and_the_step_now_due()
    {
        var details = Project(Lodged() with { Urgency = ComplaintUrgency.Complex, Due = AcceptDue });

        details.Urgency.ShouldBe(ComplaintUrgency.Complex);
        details.UrgencyLabel.ShouldBe("复杂");
        details.NextDue.ShouldBe(AcceptDue);
        details.NextStepLabel.ShouldBe("受理");
        details.Overdue.ShouldBeFalse();
    }

    [Fact]
    public void a_complaint_lodged_before_time_limits_is_ordinary_with_no_step_timed()
    {
        var details = Project(Lodged(), Accepted());

        details.Urgency.ShouldBe(ComplaintUrgency.Ordinary);
        details.NextDue.ShouldBeNull();
        details.Overdue.ShouldBeFalse();
    }

    [Fact]
    public void a_missed_due_time_makes_the_complaint_overdue_until_the_step_is_done()
    {
        var overdue = Project(Lodged() with { Due = AcceptDue }, Missed(AcceptDue, "2026-11-21T10:00"));
        var doneLate = Project(Lodged() with { Due = AcceptDue }, Missed(AcceptDue, "2026-11-21T10:00"), Accepted() with { Due = ResolveDue });

        overdue.Overdue.ShouldBeTrue();
        overdue.NextDue.ShouldBe(AcceptDue);
        overdue.Version.ShouldBe(2);
        overdue.UpdatedAt.ShouldBe(LodgedAt);   // time passing is no one's update
        doneLate.Overdue.ShouldBeFalse();
        doneLate.NextDue.ShouldBe(ResolveDue);
        doneLate.Missed.ShouldBe([new ComplaintDetails.MissedDeadline(ComplaintStep.Accept, AcceptDue.DueAt, At("2026-11-21T10:00"))]);
    }

    [Fact]
    public void each_missed_step_is_kept_in_order()
    {
        var details = Project(
            Lodged() with { Due = AcceptDue }, Missed(AcceptDue, "2026-11-21T10:00"), Accepted() with { Due = ResolveDue },
            Missed(ResolveDue, "2026-12-01T17:00"), Resolved() with { Due = FollowUpDue }, Missed(FollowUpDue, "2026-12-02T17:00"));

        details.Overdue.ShouldBeTrue();
        details.Missed.Select(m => m.Step).ShouldBe([ComplaintStep.Accept, ComplaintStep.Resolve, ComplaintStep.FollowUp]);
    }

    [Fact]
    public void a_reminder_moves_only_the_version()
    {
        var details = Project(Lodged() with { Due = AcceptDue },
            new ComplaintReminderSent(Id, ComplaintStep.Accept, AcceptDue.DueAt, At("2026-11-21T04:00"), [Audience.Community(CommunityId)]));

        details.Version.ShouldBe(2);
        details.Overdue.ShouldBeFalse();
        details.UpdatedAt.ShouldBe(LodgedAt);
    }

    [Theory]
    [InlineData(ComplaintStatus.FollowedUp)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Declined)]
    [InlineData(ComplaintStatus.Withdrawn)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void a_complaint_with_nothing_left_to_time_is_neither_due_nor_overdue(ComplaintStatus status)
    {
        var timed = HistoryOf(status).Select(e => e switch
        {
            ComplaintLodged l => l with { Due = AcceptDue },
            ComplaintAccepted a => a with { Due = ResolveDue },
            ComplaintResolved r => (object)(r with { Due = FollowUpDue }),
            _ => e,
        });
        var details = Project([timed.First(), Missed(AcceptDue, "2026-11-21T10:00"), .. timed.Skip(1)]);

        details.NextDue.ShouldBeNull();
        details.Overdue.ShouldBeFalse();
    }

    [Fact]
    public void reopening_times_the_resolution_afresh()
    {
        var again = Due(ComplaintStep.Resolve, "2026-12-15T17:00", "2026-12-13T07:00");

        var details = Project(
            Lodged() with { Due = AcceptDue }, Accepted() with { Due = ResolveDue }, Resolved() with { Due = FollowUpDue },
            FollowedUp(Satisfaction.Unsatisfied, "没修好"), Reopened() with { Due = again });

        details.NextDue.ShouldBe(again);
        details.Overdue.ShouldBeFalse();
    }
}
