using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

/// <summary>The two never-cancelled messages an agreement schedules: the day-20 reminder and the day-30 close.</summary>
public class JudicialConfirmationWindowTests
{
    private static readonly DateTimeOffset ClosesAt = MediationTimes.EndOf(ConfirmationLastDay);
    private static readonly DateTimeOffset ReminderAt = MediationTimes.ConfirmationReminderAt(SignedAt);

    private static Wolverine.Marten.Events Remind(params object[] history) =>
        JudicialConfirmationReminderDueHandler.Decide(new JudicialConfirmationReminderDue(Id, ClosesAt), CaseAfter(history), ReminderAt);

    private static Wolverine.Marten.Events Close(params object[] history) =>
        JudicialConfirmationWindowElapsedHandler.Decide(new JudicialConfirmationWindowElapsed(Id, ClosesAt), CaseAfter(history), ClosesAt);

    [Fact]
    public void on_day_20_without_an_application_the_parties_are_reminded() =>
        Remind(AgreedHistory()).ShouldBeEvents(new JudicialConfirmationReminderSent(Id, ConfirmationLastDay, ReminderAt));

    [Fact]
    public void an_agreement_already_performed_is_still_reminded_of_the_window() =>
        Remind([.. AgreedHistory(), FollowedUp(PerformanceResult.Performed)]).ShouldHaveSingleItem();

    [Fact]
    public void no_reminder_once_the_parties_have_applied() =>
        Remind([.. AgreedHistory(), Applied(new DateOnly(2026, 4, 1))]).ShouldBeEmpty();

    [Fact]
    public void the_reminder_delivered_twice_reminds_once()
    {
        var first = Remind(AgreedHistory());

        Remind([.. AgreedHistory(), .. first]).ShouldBeEmpty();
    }

    [Fact]
    public void a_reminder_for_another_window_is_stale() =>
        JudicialConfirmationReminderDueHandler.Decide(
            new JudicialConfirmationReminderDue(Id, ClosesAt.AddDays(-1)), CaseAfter(AgreedHistory()), ReminderAt).ShouldBeEmpty();

    [Fact]
    public void a_breached_agreement_is_not_reminded() =>
        Remind([.. AgreedHistory(), FollowedUp(PerformanceResult.Breached)]).ShouldBeEmpty();

    [Fact]
    public void the_window_closes_after_day_30_recording_that_no_one_applied() =>
        Close(AgreedHistory()).ShouldBeEvents(new JudicialConfirmationWindowClosed(Id, ConfirmationLastDay, false, ClosesAt));

    [Fact]
    public void the_window_closes_recording_the_application_made_within_it() =>
        Close([.. AgreedHistory(), Applied(new DateOnly(2026, 4, 1))]).ShouldHaveSingleItem()
            .ShouldBeOfType<JudicialConfirmationWindowClosed>().Applied.ShouldBeTrue();

    [Fact]
    public void the_window_closes_once_however_often_the_message_arrives()
    {
        var first = Close(AgreedHistory());

        Close([.. AgreedHistory(), .. first]).ShouldBeEmpty();
    }

    [Fact]
    public void a_case_without_an_agreement_has_no_window_to_close() => Close(ReadyHistory()).ShouldBeEmpty();
}
