using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.UnitTests.Complaints;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class ArbitrateRejectionTests
{
    private static readonly Arbitration Arbitration = new(Timing, Departments);

    private static ComplaintWhistled Whistled() =>
        new(ComplaintHistory.Id, WhistleId, WhistleType.Routine, [Lead, CoHandler], Users.CommunityWorkerActor, BlownAt);

    private static readonly ArbitrateRejection Uphold = new(ArbitrationRuling.Upheld, "退单理由成立，改派住建。", Other);

    private static readonly ArbitrateRejection Overrule = new(ArbitrationRuling.Overruled, "违法建设查处属城管职责。");

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(ArbitrateRejection command, params object[] history) =>
        ArbitrateRejectionEndpoint.Validate(command, WhistleAfter(history), Lead, Arbitration, Users.Office);

    [Fact]
    public void the_office_may_uphold_a_rejection_and_name_the_department_to_take_it() =>
        Validate(Uphold, Blown(), Rejected(Lead)).ShouldBeNoProblem();

    [Fact]
    public void the_office_may_overrule_a_rejection_without_naming_another_department() =>
        Validate(Overrule, Blown(), Rejected(Lead)).ShouldBeNoProblem();

    [Fact]
    public void an_assignment_that_was_not_rejected_has_nothing_to_rule_on() =>
        Validate(Uphold, Blown(), SignedFor(Lead))
            .ShouldBeConflict("The department has not rejected the assignment; there is nothing to rule on.");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void upholding_without_a_department_to_reassign_to_is_a_bad_request(string? reassignTo) =>
        Validate(Uphold with { ReassignTo = reassignTo }, Blown(), Rejected(Lead)).ShouldRejectField("reassignTo", "Required.");

    [Fact]
    public void upholding_in_favour_of_a_department_already_on_the_whistle_is_a_bad_request() =>
        Validate(Uphold with { ReassignTo = CoHandler }, Blown(), Rejected(Lead))
            .ShouldRejectField("reassignTo", "That department is already on the whistle.");

    [Fact]
    public void upholding_in_favour_of_the_rejecting_department_itself_is_a_bad_request() =>
        Validate(Uphold with { ReassignTo = Lead }, Blown(), Rejected(Lead))
            .ShouldRejectField("reassignTo", "That department is already on the whistle.");

    [Fact]
    public void upholding_in_favour_of_an_unknown_department_is_a_bad_request() =>
        Validate(Uphold with { ReassignTo = "xiaofang" }, Blown(), Rejected(Lead)).ShouldRejectField("reassignTo", "No department xiaofang.");

    [Fact]
    public void the_ruling_is_required() =>
        Validate(Uphold with { Ruling = null }, Blown(), Rejected(Lead)).ShouldRejectField("ruling", "Required.");

    [Fact]
    public void an_undefined_ruling_is_a_bad_request() =>
        Validate(Uphold with { Ruling = (ArbitrationRuling)7 }, Blown(), Rejected(Lead)).ShouldRejectField("ruling", "Not a valid value");

    [Fact]
    public void the_reason_is_required() =>
        Validate(Overrule with { Reason = " " }, Blown(), Rejected(Lead)).ShouldRejectField("reason", "Required.");

    [Fact]
    public void a_department_not_on_the_whistle_has_no_rejection_to_rule_on() =>
        ArbitrateRejectionEndpoint.Validate(Overrule, WhistleAfter(Blown(), Rejected(Lead)), Other, Arbitration, Users.Office).ShouldBeNotFound();

    [Fact]
    public void a_concluded_whistle_takes_no_rulings() =>
        Validate(Overrule, [.. AllReplied, Concluded()]).ShouldBeConflict("The whistle has concluded.");

    [Fact]
    public void ruling_with_a_stale_expected_version_is_a_conflict() =>
        Validate(Overrule with { ExpectedVersion = 1 }, Blown(), Rejected(Lead)).ShouldBeStaleVersion(expected: 1, current: 2);

    [Fact]
    public void an_upheld_rejection_moves_the_assignment_to_the_named_department_with_fresh_due_times()
    {
        var whistle = WhistleAfter(Blown(), Rejected(Lead));

        var (_, events, messages) = ArbitrateRejectionEndpoint.Arbitrate(
            Uphold with { Reason = " 退单理由成立，改派住建。 " }, whistle, Lead, Timing, Users.OfficeActor, Now);

        var renewed = Timing.Renew(WhistleType.Routine, Now);
        renewed.ShouldBe(DeadlinesFrom(Now));
        events.ShouldBeEvents(new RejectionArbitrated(
            WhistleId, Lead, ArbitrationRuling.Upheld, "退单理由成立，改派住建。",
            new AssignmentTerms(Other, AssignmentRole.Lead, renewed, RejectionWindowFrom(Now)), null, Users.OfficeActor, Now,
            [Audience.Officers(Lead), Audience.Officers(Other), Audience.Community(ComplaintHistory.CommunityId)]));
        messages.ShouldSchedule([.. Scheduled.SignFor(Other, renewed), .. Scheduled.Reply(Other, renewed)]);
    }

    [Fact]
    public void a_ruling_ends_the_pause_the_rejection_began_and_then_rules()
    {
        var whistle = WhistleAfter(Blown(), Rejected(Lead), Paused(Lead));

        foreach (var command in new[] { Uphold, Overrule })
        {
            var (_, events, _) = ArbitrateRejectionEndpoint.Arbitrate(command, whistle, Lead, Timing, Users.OfficeActor, Now);

            events.Count.ShouldBe(2);
            events[0].ShouldBe(new AssignmentPauseEnded(WhistleId, Lead, PauseReason.AwaitingRuling, Users.OfficeActor, Now));
            events[1].ShouldBeOfType<RejectionArbitrated>().Ruling.ShouldBe(command.Ruling!.Value);
        }
    }

    [Fact]
    public void a_ruling_given_after_its_due_time_and_county_supervision_is_still_taken()
    {
        var history = new object[] { Blown(), Rejected(Lead), Paused(Lead), RulingMissed(Lead), Supervised(Lead) };

        Validate(Overrule, history).ShouldBeNoProblem();
        var (answer, events, _) = ArbitrateRejectionEndpoint.Arbitrate(Overrule, WhistleAfter(history), Lead, Timing, Users.OfficeActor, Now);

        events.OfType<RejectionArbitrated>().ShouldHaveSingleItem().Renewed.ShouldBe(DeadlinesFrom(Now));
        (answer.Level, answer.Find(Lead)!.Status).ShouldBe((WhistleLevel.CountySupervision, AssignmentStatus.SignedFor));
        WhistleAfter([.. history, .. events]).Find(Lead)!.AwaitingRuling.ShouldBeNull();
    }

    [Fact]
    public void the_new_department_takes_the_role_of_the_one_it_replaces()
    {
        var (_, events, _) = ArbitrateRejectionEndpoint.Arbitrate(
            Uphold, WhistleAfter(Blown(), Rejected(CoHandler)), CoHandler, Timing, Users.OfficeActor, Now);

        events.ShouldHaveSingleItem().ShouldBeOfType<RejectionArbitrated>().Reassignment.ShouldNotBeNull()
            .Role.ShouldBe(AssignmentRole.CoHandling);
    }

    [Fact]
    public void an_overruled_rejection_leaves_the_department_to_reply_by_a_renewed_due_time()
    {
        var whistle = WhistleAfter(Blown(), Rejected(Lead));

        var (_, events, messages) = ArbitrateRejectionEndpoint.Arbitrate(Overrule, whistle, Lead, Timing, Users.OfficeActor, Now);

        var renewed = DeadlinesFrom(Now);
        events.ShouldBeEvents(new RejectionArbitrated(
            WhistleId, Lead, ArbitrationRuling.Overruled, "违法建设查处属城管职责。", null, renewed, Users.OfficeActor, Now,
            [Audience.Officers(Lead), Audience.Community(ComplaintHistory.CommunityId)]));
        messages.ShouldSchedule(Scheduled.Reply(Lead, renewed));
    }

    [Fact]
    public void after_an_upheld_rejection_the_old_department_is_reassigned_and_the_new_one_awaits_sign_for()
    {
        var renewed = DeadlinesFrom(BlownAt.AddDays(2));
        var whistle = WhistleAfter(Blown(), Rejected(Lead), Upheld(Lead, Other, renewed));

        whistle.Find(Lead).ShouldBeNull();
        whistle.Assignments.Select(a => (a.Department, a.Role, a.Status)).ShouldBe(
        [
            (Lead, AssignmentRole.Lead, AssignmentStatus.Reassigned),
            (CoHandler, AssignmentRole.CoHandling, AssignmentStatus.Awaiting),
            (Other, AssignmentRole.Lead, AssignmentStatus.Awaiting),
        ]);
        var other = whistle.Find(Other).ShouldNotBeNull();
        (other.SignForDue, other.ReplyDue).ShouldBe((renewed.SignForDue, renewed.ReplyDue));
    }

    [Fact]
    public void after_an_overruled_rejection_the_department_counts_as_signed_for_with_the_renewed_reply_due()
    {
        var renewed = DeadlinesFrom(BlownAt.AddDays(2));
        var lead = WhistleAfter(Blown(), Rejected(Lead), Overruled(Lead, renewed)).Find(Lead).ShouldNotBeNull();

        (lead.Status, lead.SignForDue, lead.ReplyDue).ShouldBe((AssignmentStatus.SignedFor, Original.SignForDue, renewed.ReplyDue));
    }

    [Fact]
    public void an_upheld_ruling_shows_the_new_department_on_the_complaints_summary_in_the_same_transaction()
    {
        var whistle = WhistleAfter(Blown(), Rejected(Lead));
        var complaint = EventSpecification.Given<Complaint>(ComplaintHistory.Lodged(), ComplaintHistory.Accepted(), Whistled());
        var (_, ruling, _) = ArbitrateRejectionEndpoint.Arbitrate(Uphold, whistle, Lead, Timing, Users.OfficeActor, Now);

        ArbitrateRejectionEndpoint.OnComplaint(whistle, ruling, complaint, Users.OfficeActor, Now)
            .ShouldBeEvents(new ComplaintWhistleReassigned(ComplaintHistory.Id, WhistleId, [CoHandler, Other], Users.OfficeActor, Now));
    }

    [Fact]
    public void an_overruled_rejection_leaves_the_complaints_summary_as_it_is()
    {
        var whistle = WhistleAfter(Blown(), Rejected(Lead));
        var complaint = EventSpecification.Given<Complaint>(ComplaintHistory.Lodged(), ComplaintHistory.Accepted(), Whistled());
        var (_, ruling, _) = ArbitrateRejectionEndpoint.Arbitrate(Overrule, whistle, Lead, Timing, Users.OfficeActor, Now);

        ArbitrateRejectionEndpoint.OnComplaint(whistle, ruling, complaint, Users.OfficeActor, Now).ShouldBeEmpty();
    }
}
