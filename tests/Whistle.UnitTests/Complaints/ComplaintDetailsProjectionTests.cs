using JasperFx.Events;
using Shouldly;
using Whistle.Complaints;
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
}
