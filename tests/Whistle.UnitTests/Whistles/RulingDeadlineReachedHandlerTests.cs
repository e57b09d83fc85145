using Shouldly;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class RulingDeadlineReachedHandlerTests
{
    private static readonly Whistle.County.Deadlines.RulingDeadline Ruling = RulingFrom(RejectedAt);

    private static readonly IReadOnlyList<Audience> SupervisorsAndOffice = [Audience.Supervisors, Audience.Office];

    private static Wolverine.Marten.Events Decide(params object[] history) =>
        RulingDeadlineReachedHandler.Decide(new RulingDeadlineReached(WhistleId, Lead, Ruling.Due), WhistleAfter(history), Ruling.Due);

    [Fact]
    public void a_ruling_not_given_when_due_is_recorded_and_sends_the_whistle_to_county_supervision()
    {
        var events = Decide(Blown(), Rejected(Lead), Paused(Lead), RulingReminded(Lead));

        events.ShouldBeEvents(
            new RulingOverdue(WhistleId, Lead, Ruling.Due, Ruling.Due, SupervisorsAndOffice),
            new SupervisionOpened(WhistleId, WhistleLevel.Community, WhistleLevel.CountySupervision, Lead, Ruling.Due, Ruling.Due, SupervisorsAndOffice));
        var whistle = WhistleAfter([Blown(), Rejected(Lead), Paused(Lead), .. events]);
        whistle.Level.ShouldBe(WhistleLevel.CountySupervision);
        (whistle.Find(Lead)!.Status, whistle.Find(Lead)!.AwaitingRuling).ShouldBe((AssignmentStatus.Rejected, new PendingRuling(Ruling.Due, false, true)));
    }

    [Theory]
    [InlineData(WhistleLevel.SubDistrict)]
    [InlineData(WhistleLevel.JointMeeting)]
    public void from_any_level_below_it_the_whistle_goes_straight_to_county_supervision(WhistleLevel level) =>
        Decide(Blown(level), Rejected(Lead), Paused(Lead)).OfType<SupervisionOpened>()
            .ShouldBeEvents(new SupervisionOpened(WhistleId, level, WhistleLevel.CountySupervision, Lead, Ruling.Due, Ruling.Due, SupervisorsAndOffice));

    [Fact]
    public void at_county_supervision_the_overdue_ruling_is_recorded_and_the_level_stays() =>
        Decide(Blown(WhistleLevel.CountySupervision), Rejected(Lead), Paused(Lead))
            .ShouldBeEvents(new RulingOverdue(WhistleId, Lead, Ruling.Due, Ruling.Due, SupervisorsAndOffice));

    [Fact]
    public void the_deadline_delivered_again_does_nothing() =>
        Decide(Blown(), Rejected(Lead), Paused(Lead), RulingMissed(Lead), Supervised(Lead)).ShouldBeEmpty();

    [Fact]
    public void a_ruling_given_in_time_makes_the_deadline_stale() =>
        Decide(Blown(), Rejected(Lead), Paused(Lead), PauseEnded(Lead), Upheld(Lead, Other, DeadlinesFrom(BlownAt.AddHours(4))))
            .ShouldBeEmpty();

    [Fact]
    public void a_deadline_for_another_due_time_than_the_one_awaited_does_nothing() =>
        RulingDeadlineReachedHandler.Decide(
                new RulingDeadlineReached(WhistleId, Lead, Ruling.Due.AddDays(-1)), WhistleAfter(Blown(), Rejected(Lead), Paused(Lead)), Ruling.Due)
            .ShouldBeEmpty();
}
