using Shouldly;
using Whistle.Assessment.Signals;
using Whistle.UnitTests.Complaints;
using Xunit;
using static Whistle.UnitTests.Assessment.ScorecardHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Assessment.Signals;

public class DepartmentSignalsTests
{
    /// <summary>
    /// Every assignment's document after these events, each event folded into the documents the projection routes it
    /// to (<see cref="WatchedAssignmentProjection.KeysOf"/>; a complaint's events to every assignment, as the whistles'
    /// departments route them there), with its place in the history as its sequence.
    /// </summary>
    private static Dictionary<string, WatchedAssignment> AssignmentsAfter(params object[] events)
    {
        var docs = new Dictionary<string, WatchedAssignment>();
        foreach (var (e, sequence) in events.Select((e, i) => (e, i + 1L)))
        {
            List<string> keys = [.. WatchedAssignmentProjection.KeysOf(e)];
            foreach (var key in keys.Count > 0 ? keys : [.. docs.Keys])
                if (WatchedAssignment.Next(docs.GetValueOrDefault(key), key, e, sequence) is { } next) docs[key] = next;
        }
        return docs;
    }

    /// <summary>The department's signals of the month, composed from its assignments of the month as the endpoints compose them.</summary>
    private static DepartmentSignalsView SignalsAfter(string department, string month, params object[] events) =>
        DepartmentSignalsView.Compose(department, month, AssignmentsAfter(events).Values.Where(a => a.Department == department && a.Month == month));

    private static DepartmentSignalsView SignalsAfter(string department, params object[] events) => SignalsAfter(department, March, events);
    private static SignalEvent Seen(object e, DateTimeOffset at, Guid? stream = null) => new(e.GetType().Name, stream ?? WhistleId, at);

    /// <summary>The Given whistle's reply window for the lead: from the whistle blown to its reply due time.</summary>
    private static TimeSpan Window => Original.ReplyDue - BlownAt;

    [Fact]
    public void signing_for_and_then_rejecting_is_a_signal_listing_both_events()
    {
        var signals = SignalsAfter(Lead, Blown(), SignedFor(Lead), Rejected(Lead)).Signals;

        var signal = signals.ShouldHaveSingleItem();
        (signal.Kind, signal.WhistleId, signal.ComplaintId).ShouldBe((SignalKind.SignedForThenRejected, WhistleId, ComplaintHistory.Id));
        signal.Events.ShouldBe([Seen(SignedFor(Lead), SignedFor(Lead).At), Seen(Rejected(Lead), RejectedAt)]);
    }

    [Fact]
    public void rejecting_without_signing_for_is_no_signal_and_another_departments_events_are_not_this_ones() =>
        SignalsAfter(Lead, Blown(), Rejected(Lead), SignedFor(CoHandler), Rejected(CoHandler)).Signals.ShouldBeEmpty();

    [Fact]
    public void rejecting_again_after_an_overruling_is_a_signal_listing_the_first_rejection_the_ruling_and_the_second()
    {
        var overruled = Overruled(Lead, DeadlinesFrom(BlownAt.AddHours(4)));
        var again = Rejected(Lead) with { At = BlownAt.AddHours(6) };

        var signal = SignalsAfter(Lead, Blown(), Rejected(Lead), overruled, again).Signals.ShouldHaveSingleItem();

        signal.Kind.ShouldBe(SignalKind.RejectedAgain);
        signal.Events.ShouldBe([Seen(Rejected(Lead), RejectedAt), Seen(overruled, overruled.At), Seen(again, again.At)]);
    }

    [Fact]
    public void rejecting_a_whistle_that_came_back_after_an_upheld_rejection_is_a_signal()
    {
        var back = Upheld(Other, Lead, DeadlinesFrom(BlownAt.AddHours(8))) with { At = BlownAt.AddHours(8) };
        var again = Rejected(Lead) with { At = BlownAt.AddHours(9) };

        var signals = SignalsAfter(Lead, Blown(), Rejected(Lead), Upheld(Lead, Other, DeadlinesFrom(BlownAt.AddHours(4))), back, again).Signals;

        signals.ShouldHaveSingleItem().Kind.ShouldBe(SignalKind.RejectedAgain);
    }

    [Fact]
    public void a_reply_in_the_last_five_percent_of_the_time_allowed_that_is_returned_is_a_signal()
    {
        // Blown Monday 09:00, reply due at Original.ReplyDue: 4% of the window before it is inside the last 5%.
        var replied = RepliedAt(Lead, Original.ReplyDue - Window * 0.04);
        var returned = Returned(Lead, DeadlinesFrom(BlownAt.AddDays(10))) with { At = Original.ReplyDue.AddHours(1) };

        var signal = SignalsAfter(Lead, Blown(), SignedFor(Lead), replied, returned).Signals.ShouldHaveSingleItem();

        signal.Kind.ShouldBe(SignalKind.LastMinuteReplyReturned);
        signal.Events.ShouldBe([Seen(replied, replied.At), Seen(returned, returned.At)]);
    }

    [Fact]
    public void a_reply_before_the_last_five_percent_or_a_last_minute_reply_accepted_is_no_signal()
    {
        var early = RepliedAt(Lead, Original.ReplyDue - Window * 0.06);
        var late = RepliedAt(Lead, Original.ReplyDue - Window * 0.01);
        var returned = Returned(Lead, DeadlinesFrom(BlownAt.AddDays(10))) with { At = Original.ReplyDue.AddHours(1) };

        SignalsAfter(Lead, Blown(), SignedFor(Lead), early, returned).Signals.ShouldBeEmpty();
        SignalsAfter(Lead, Blown(), SignedFor(Lead), late).Signals.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-1, false)]
    public void the_last_fraction_runs_from_five_percent_before_the_due_time_to_the_due_time(int minutesBeforeDue, bool lastMinute)
    {
        // 100 hours allowed: the last 5% are the 300 minutes before the due time.
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var due = start.AddHours(100);

        SignalThresholds.IsLastMinute(start, due, due.AddMinutes(-minutesBeforeDue)).ShouldBe(lastMinute);
    }

    [Fact]
    public void after_a_returned_reply_the_window_runs_from_the_return_to_the_renewed_due_time()
    {
        var renewed = DeadlinesFrom(BlownAt.AddDays(4));
        var returned = Returned(Lead, renewed);
        var window = renewed.ReplyDue - returned.At;
        var second = RepliedAt(Lead, renewed.ReplyDue - window * 0.02);
        var returnedAgain = Returned(Lead, DeadlinesFrom(renewed.ReplyDue)) with { At = renewed.ReplyDue.AddHours(1) };

        var signals = SignalsAfter(Lead, Blown(), SignedFor(Lead), Replied(Lead), returned, second, returnedAgain).Signals;

        signals.ShouldHaveSingleItem().Events.ShouldBe([Seen(second, second.At), Seen(returnedAgain, returnedAgain.At)]);
    }

    [Fact]
    public void a_complaint_reopened_within_30_days_of_its_resolution_is_charged_to_each_department_whose_reply_stood()
    {
        var resolved = ComplaintHistory.Resolved();
        var reopened = ComplaintHistory.Reopened() with { At = resolved.At.AddDays(30) };
        object[] history = [Blown(), SignedFor(Lead), Replied(Lead), SignedFor(CoHandler), Replied(CoHandler), resolved, reopened];

        var signal = SignalsAfter(Lead, history).Signals.ShouldHaveSingleItem();
        signal.Kind.ShouldBe(SignalKind.ReopenedSoonAfterClosure);
        signal.Events.ShouldBe([Seen(Replied(Lead), Replied(Lead).At), Seen(resolved, resolved.At, ComplaintHistory.Id), Seen(reopened, reopened.At, ComplaintHistory.Id)]);
        SignalsAfter(CoHandler, history).Signals.ShouldHaveSingleItem().Kind.ShouldBe(SignalKind.ReopenedSoonAfterClosure);
    }

    [Fact]
    public void a_reopening_after_30_days_or_of_a_department_that_never_replied_charges_nothing()
    {
        var resolved = ComplaintHistory.Resolved();

        SignalsAfter(Lead, Blown(), SignedFor(Lead), Replied(Lead), resolved, ComplaintHistory.Reopened() with { At = resolved.At.AddDays(30).AddMinutes(1) })
            .Signals.ShouldBeEmpty();
        SignalsAfter(CoHandler, Blown(), SignedFor(Lead), Replied(Lead), resolved, ComplaintHistory.Reopened()).Signals.ShouldBeEmpty();
        SignalsAfter(Lead, Blown(), SignedFor(Lead), Replied(Lead), ComplaintHistory.Reopened()).Signals.ShouldBeEmpty();
    }

    [Fact]
    public void a_closure_counts_as_the_reopening_starts_from_and_one_closure_charges_one_reopening()
    {
        var closed = ComplaintHistory.Closed();
        var reopened = ComplaintHistory.Reopened() with { At = closed.At.AddDays(1) };

        SignalsAfter(Lead, Blown(), SignedFor(Lead), Replied(Lead), closed, reopened, reopened).Signals.Count.ShouldBe(1);
    }

    [Fact]
    public void an_assignment_of_another_month_is_not_on_this_months_signals() =>
        SignalsAfter(Lead, BlownWithSignForDue(BlownAt.AddMonths(1)), SignedFor(Lead), Rejected(Lead)).Signals.ShouldBeEmpty();

    [Fact]
    public void the_counts_are_per_kind_and_in_total()
    {
        // The second rejection, after signing for, is both a rejection after signing for and a rejection again.
        var doc = SignalsAfter(Lead, Blown(), SignedFor(Lead), Rejected(Lead), Overruled(Lead, DeadlinesFrom(BlownAt.AddHours(4))),
            Rejected(Lead) with { At = BlownAt.AddHours(6) });

        var counts = SignalCounts.Of(doc.Signals);
        counts.ShouldBe(new SignalCounts(SignedForThenRejected: 2, RejectedAgain: 1, LastMinuteReplyReturned: 0, ReopenedSoonAfterClosure: 0));
        counts.Total.ShouldBe(3);
        SignalCounts.None.Total.ShouldBe(0);
    }

    private static string KeyOf(string department, Guid? whistle = null) => WatchedAssignment.Key(department, whistle ?? WhistleId);

    [Fact]
    public void each_department_on_a_whistle_has_a_document_of_its_own_with_its_own_signals()
    {
        object[] history = [Blown(), SignedFor(Lead), SignedFor(CoHandler), Rejected(CoHandler)];

        var docs = AssignmentsAfter(history);

        docs.Keys.ShouldBe([KeyOf(Lead), KeyOf(CoHandler)], ignoreOrder: true);
        (docs[KeyOf(Lead)].Department, docs[KeyOf(Lead)].Month, docs[KeyOf(Lead)].WhistleId, docs[KeyOf(Lead)].ComplaintId)
            .ShouldBe((Lead, March, WhistleId, ComplaintHistory.Id));
        docs[KeyOf(Lead)].Signals.ShouldBeEmpty();
        SignalsAfter(Lead, history).Signals.ShouldBeEmpty();
        SignalsAfter(CoHandler, history).Signals.ShouldHaveSingleItem().Kind.ShouldBe(SignalKind.SignedForThenRejected);
    }

    [Fact]
    public void an_event_for_an_assignment_without_a_document_makes_none_and_another_departments_event_changes_nothing()
    {
        AssignmentsAfter(SignedFor(Lead), Rejected(Lead), ComplaintHistory.Resolved(), Overruled(Lead, Original)).ShouldBeEmpty();
        AssignmentsAfter(Blown(), SignedFor(Spare), Rejected(Spare), Overruled(Spare, Original)).Keys
            .ShouldBe([KeyOf(Lead), KeyOf(CoHandler)], ignoreOrder: true);

        var lead = AssignmentsAfter(Blown())[KeyOf(Lead)];
        WatchedAssignment.Next(lead, KeyOf(Lead), SignedFor(CoHandler), 2).ShouldBe(lead);
        WatchedAssignment.Next(lead, KeyOf(Lead), SignedFor(Lead) with { WhistleId = OtherWhistleId }, 2).ShouldBe(lead);
    }

    [Fact]
    public void a_departments_assignments_of_two_months_show_each_in_its_own_month()
    {
        var april = BlownAt.AddMonths(1);
        var second = WhistleNo(2);
        object[] history =
        [
            Blown(), SignedFor(Lead), Rejected(Lead),
            .. OnWhistle(second, BlownWithSignForDue(april), SignedFor(Lead)), Rejected(Lead) with { WhistleId = second },
        ];

        AssignmentsAfter(history)[KeyOf(Lead, second)].Month.ShouldBe("2026-04");
        SignalsAfter(Lead, March, history).Signals.ShouldHaveSingleItem().WhistleId.ShouldBe(WhistleId);
        SignalsAfter(Lead, "2026-04", history).Signals.ShouldHaveSingleItem().WhistleId.ShouldBe(second);
        SignalsAfter(Lead, "2026-05", history).Signals.ShouldBeEmpty();
    }

    [Fact]
    public void a_months_signals_of_several_assignments_are_in_the_order_they_were_found_and_one_reopening_charges_them_in_the_order_given()
    {
        // Two whistles of one complaint, both led by the department: the second's rejection comes first.
        var second = WhistleNo(2);
        var resolved = ComplaintHistory.Resolved();
        var reopened = ComplaintHistory.Reopened();
        object[] history =
        [
            Blown(), .. OnWhistle(second, Blown(), SignedFor(Lead)), Rejected(Lead) with { WhistleId = second },
            SignedFor(Lead), Rejected(Lead), Replied(Lead), .. OnWhistle(second, Replied(Lead)), resolved, reopened,
        ];

        var signals = SignalsAfter(Lead, history).Signals;

        signals.Select(s => (s.Kind, s.WhistleId)).ShouldBe(
        [
            (SignalKind.SignedForThenRejected, second), (SignalKind.SignedForThenRejected, WhistleId),
            (SignalKind.ReopenedSoonAfterClosure, WhistleId), (SignalKind.ReopenedSoonAfterClosure, second),
        ]);
        signals.ShouldAllBe(s => s.ComplaintId == ComplaintHistory.Id);
        SignalCounts.Of(signals).ShouldBe(new SignalCounts(2, 0, 0, 2));
    }

    [Fact]
    public void a_department_brought_on_by_an_upheld_rejection_gets_an_assignment_of_the_month_of_its_first_sign_for_due_time()
    {
        var reassigned = DeadlinesFrom(BlownAt.AddMonths(1));
        var upheld = Upheld(Lead, Other, reassigned);
        var signedFor = SignedFor(Other) with { At = reassigned.SignForDue.AddHours(-1) };
        var rejected = Rejected(Other) with { At = reassigned.SignForDue };
        object[] history = [Blown(), SignedFor(Lead), Rejected(Lead), upheld, signedFor, rejected, ComplaintHistory.Resolved()];

        var other = AssignmentsAfter(history)[KeyOf(Other)];

        (other.Month, other.WhistleId, other.ComplaintId, other.GivenSequence, other.WindowStart, other.ReplyDue)
            .ShouldBe(("2026-04", WhistleId, Guid.Empty, 4L, upheld.At, reassigned.ReplyDue));
        other.Closure.ShouldBeNull();   // the ruling does not carry the complaint: its closures are not this assignment's
        var signal = SignalsAfter(Other, "2026-04", history).Signals.ShouldHaveSingleItem();
        (signal.Kind, signal.WhistleId, signal.ComplaintId).ShouldBe((SignalKind.SignedForThenRejected, WhistleId, Guid.Empty));
        SignalsAfter(Other, March, history).Signals.ShouldBeEmpty();
        SignalsAfter(Lead, March, history).Signals.ShouldHaveSingleItem().Kind.ShouldBe(SignalKind.SignedForThenRejected);
    }
}
