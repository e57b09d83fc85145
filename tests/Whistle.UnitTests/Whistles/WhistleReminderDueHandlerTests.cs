using Shouldly;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class WhistleReminderDueHandlerTests
{
    private static WhistleReminderDue SignForReminder(string department, DateTimeOffset due) => new(WhistleId, department, DeadlineKind.SignFor, due);

    private static WhistleReminderDue ReplyReminder(string department, DateTimeOffset due) => new(WhistleId, department, DeadlineKind.Reply, due);

    private static Wolverine.Marten.Events Handle(WhistleReminderDue message, DateTimeOffset now, params object[] history) =>
        WhistleReminderDueHandler.Handle(message, WhistleAfter(history), now);

    [Fact]
    public void a_reminder_goes_out_while_the_sign_for_is_still_awaited() =>
        Handle(SignForReminder(Lead, Original.SignForDue), Original.SignForReminder, Blown())
            .ShouldBeEvents(new ReminderSent(WhistleId, Lead, DeadlineKind.SignFor, Original.SignForDue, Original.SignForReminder,
                [Audience.Officers(Lead)]));

    [Fact]
    public void a_reply_reminder_goes_out_while_the_department_has_it_in_hand() =>
        Handle(ReplyReminder(Lead, Original.ReplyDue), Original.ReplyReminder, Blown(), SignedFor(Lead))
            .ShouldBeEvents(new ReminderSent(WhistleId, Lead, DeadlineKind.Reply, Original.ReplyDue, Original.ReplyReminder,
                [Audience.Officers(Lead)]));

    [Fact]
    public void no_sign_for_reminder_once_signed_for() =>
        Handle(SignForReminder(Lead, Original.SignForDue), Original.SignForReminder, Blown(), SignedFor(Lead)).ShouldBeEmpty();

    [Fact]
    public void no_reply_reminder_once_replied() =>
        Handle(ReplyReminder(Lead, Original.ReplyDue), Original.ReplyReminder, Blown(), SignedFor(Lead), Replied(Lead)).ShouldBeEmpty();

    [Fact]
    public void no_reminder_for_a_due_time_an_extension_replaced()
    {
        var extended = Original.ReplyDue.AddDays(7);
        object[] history = [Blown(), SignedFor(Lead), ExtensionAsked(Lead, extended), Granted(Lead, extended, extended.AddDays(-2))];

        Handle(ReplyReminder(Lead, Original.ReplyDue), Original.ReplyReminder, history).ShouldBeEmpty();
        Handle(ReplyReminder(Lead, extended), extended.AddDays(-2), history).ShouldHaveSingleItem();
    }

    [Fact]
    public void no_reminder_for_a_due_time_an_escalation_replaced()
    {
        var at = Original.SignForDue;
        object[] history = [Blown(), Overdue(Lead, DeadlineKind.SignFor, at), Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, DeadlinesFrom(at), at)];

        Handle(ReplyReminder(Lead, Original.ReplyDue), Original.ReplyReminder, history).ShouldBeEmpty();
    }

    [Fact]
    public void no_reminder_while_a_rejection_awaits_the_offices_ruling() =>
        Handle(SignForReminder(Lead, Original.SignForDue), Original.SignForReminder, Blown(), Rejected(Lead)).ShouldBeEmpty();

    [Fact]
    public void no_reminder_for_a_department_reassigned_away() =>
        Handle(SignForReminder(Lead, Original.SignForDue), Original.SignForReminder, Blown(), Rejected(Lead), Upheld(Lead, Other, DeadlinesFrom(Now)))
            .ShouldBeEmpty();

    [Fact]
    public void no_reminder_on_a_concluded_whistle() =>
        Handle(ReplyReminder(Lead, Original.ReplyDue), Original.ReplyReminder, [.. AllReplied, Concluded()]).ShouldBeEmpty();
}
