using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class RecordMediationSessionTests
{
    private static readonly DateTimeOffset HeldAt = At(3, 9, 9, 0);

    private static RecordMediationSession Session() => new(
        HeldAt, [" 王大妈 ", "李先生"], " 双方同意修复漏水点。 ",
        [new InviteeInput(" 赵阿姨 ", InviteeRole.Neighbour), new InviteeInput("张师傅", InviteeRole.Expert, " 防水工程师 ")], At(3, 12, 9, 0));

    [Fact]
    public void a_session_is_recorded_with_its_participants_invitees_minutes_and_next_date()
    {
        var mediation = CaseAfter(AcceptedHistory());
        RecordMediationSessionEndpoint.Check(Session(), mediation, Now).ShouldBeNoProblem();

        new object[] { RecordMediationSessionEndpoint.Hold(Session(), mediation, SessionId, Mediator, Now) }.ShouldBeEvents(new MediationSessionHeld(
            Id, SessionId, HeldAt, ["王大妈", "李先生"],
            [new Invitee("赵阿姨", InviteeRole.Neighbour, null), new Invitee("张师傅", InviteeRole.Expert, "防水工程师")],
            "双方同意修复漏水点。", At(3, 12, 9, 0), null, null, Mediator, Now));
    }

    [Fact]
    public void a_session_on_a_case_without_both_consents_is_a_conflict() =>
        RecordMediationSessionEndpoint.Check(Session(), CaseAfter(Opened(), Consent(PartySide.Applicant)), Now)
            .ShouldBeConflict($"Mediation case {Number} lacks both parties' consent; it cannot hold a session.");

    [Fact]
    public void a_session_on_a_consented_case_not_yet_accepted_is_a_conflict() =>
        RecordMediationSessionEndpoint.Check(Session(), CaseAfter(ConsentedHistory()), Now)
            .ShouldBeConflict($"Mediation case {Number} has not been accepted; it cannot hold a session.");

    [Fact]
    public void a_session_after_the_case_ended_is_a_conflict() =>
        RecordMediationSessionEndpoint.Check(Session(), CaseAfter(AgreedHistory()), Now).ShouldBeConflict("is AgreementSigned");

    [Fact]
    public void a_session_dated_after_now_is_a_bad_request() =>
        RecordMediationSessionEndpoint.Check(Session() with { HeldAt = Now.AddMinutes(1), NextSessionAt = null }, CaseAfter(AcceptedHistory()), Now)
            .ShouldRejectField("heldAt", "heldAt cannot be in the future.");

    [Fact]
    public void a_session_held_right_now_is_fine() =>
        RecordMediationSessionEndpoint.Check(Session() with { HeldAt = Now }, CaseAfter(AcceptedHistory()), Now).ShouldBeNoProblem();

    [Fact]
    public void a_session_dated_before_the_day_of_acceptance_is_a_bad_request()
    {
        RecordMediationSessionEndpoint.Check(Session() with { HeldAt = At(3, 1, 16, 0) }, CaseAfter(AcceptedHistory()), Now)
            .ShouldRejectField("heldAt", "before the case was accepted");
        RecordMediationSessionEndpoint.Check(Session() with { HeldAt = At(3, 2, 8, 0) }, CaseAfter(AcceptedHistory()), Now)
            .ShouldBeNoProblem();
    }

    [Fact]
    public void a_next_session_not_in_the_future_is_a_bad_request() =>
        RecordMediationSessionEndpoint.Check(Session() with { NextSessionAt = Now }, CaseAfter(AcceptedHistory()), Now)
            .ShouldRejectField("nextSessionAt", "The next session must be in the future.");

    [Fact]
    public void a_session_needs_a_date_participants_and_minutes() =>
        RecordMediationSessionEndpoint.Check(new RecordMediationSession(null, [], " "), CaseAfter(AcceptedHistory()), Now)
            .ShouldRejectFields("heldAt", "participants", "minutes");

    [Fact]
    public void each_invitee_needs_a_name_and_a_role() =>
        RecordMediationSessionEndpoint.Check(Session() with { Invited = [new InviteeInput(null, null)] }, CaseAfter(AcceptedHistory()), Now)
            .ShouldRejectFields("invited[0].name", "invited[0].role");

    [Fact]
    public void sessions_are_counted_on_the_case() =>
        CaseAfter([.. AcceptedHistory(), SessionHeld(), SessionHeld()]).Sessions.ShouldBe(2);
}
