using Shouldly;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class RulingReminderDueHandlerTests
{
    private static readonly Whistle.County.Deadlines.RulingDeadline Ruling = RulingFrom(RejectedAt);

    private static Wolverine.Marten.Events Handle(DateTimeOffset dueAt, params object[] history) =>
        RulingReminderDueHandler.Handle(new RulingReminderDue(WhistleId, Lead, dueAt), WhistleAfter(history), Ruling.Reminder);

    [Fact]
    public void the_office_is_reminded_while_the_rejection_awaits_its_ruling() =>
        Handle(Ruling.Due, Blown(), Rejected(Lead), Paused(Lead))
            .ShouldBeEvents(new RulingReminderSent(WhistleId, Lead, Ruling.Due, Ruling.Reminder, [Audience.Office]));

    [Fact]
    public void a_reminder_delivered_again_reminds_once() =>
        Handle(Ruling.Due, Blown(), Rejected(Lead), Paused(Lead), RulingReminded(Lead)).ShouldBeEmpty();

    [Fact]
    public void no_reminder_once_the_office_has_ruled() =>
        Handle(Ruling.Due, Blown(), Rejected(Lead), Paused(Lead), PauseEnded(Lead), Overruled(Lead, DeadlinesFrom(BlownAt.AddHours(4))))
            .ShouldBeEmpty();

    [Fact]
    public void no_reminder_for_a_ruling_already_overdue() =>
        Handle(Ruling.Due, Blown(), Rejected(Lead), Paused(Lead), RulingMissed(Lead)).ShouldBeEmpty();

    [Fact]
    public void no_reminder_for_another_due_time_than_the_one_awaited() =>
        Handle(Ruling.Due.AddHours(-1), Blown(), Rejected(Lead), Paused(Lead)).ShouldBeEmpty();

    [Fact]
    public void a_rejection_recorded_before_rulings_had_a_due_time_has_no_reminder() =>
        Handle(Ruling.Due, Blown(), Rejected(Lead)).ShouldBeEmpty();
}
