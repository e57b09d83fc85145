using Shouldly;
using Whistle.Mediation;
using Whistle.Privacy.Sealing;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class MediationCaseDetailsProjectionTests
{
    [Fact]
    public void an_opened_case_shows_its_parties_source_and_area_and_is_on_the_docket()
    {
        var details = DetailsAfter(Opened(ReferralSource.FeeDispute));

        details.Id.ShouldBe(Id);
        details.Number.ShouldBe(Number);
        details.Version.ShouldBe(1);
        details.Status.ShouldBe(MediationStatus.AwaitingConsent);
        details.StatusLabel.ShouldBe("待当事人同意");
        details.IsOpen.ShouldBeTrue();
        (details.Source, details.SourceCaseId, details.SourceNumber).ShouldBe((ReferralSource.FeeDispute, DisputeId, "WY-2026-000007"));
        details.Parties.Select(p => (p.Name, p.Side, p.Consented)).ShouldBe([("王大妈", PartySide.Applicant, (bool?)null), ("李先生", PartySide.Respondent, null)]);
        (details.PropertyCompanyCode, details.CompoundCode, details.CommunityCode).ShouldBe((Company, "CP010101", "CM0101"));
    }

    [Fact]
    public void consents_are_shown_per_party()
    {
        var details = DetailsAfter(ConsentedHistory());

        details.Status.ShouldBe(MediationStatus.Consented);
        details.Parties.ShouldAllBe(p => p.Consented == true);
        details.Version.ShouldBe(3);
    }

    [Fact]
    public void a_refusal_shows_who_refused_why_and_the_notice()
    {
        var details = DetailsAfter(Opened(), Refused(PartySide.Respondent));

        details.Status.ShouldBe(MediationStatus.NotMediated);
        details.Parties[1].ShouldBe(details.Parties[1] with { Consented = false, RefusalReason = "不愿调解" });
        details.OtherRoutesNotice.ShouldBe(MediationRules.NotMediatedNotice);
        details.IsOpen.ShouldBeFalse();
        details.EndedAt.ShouldBe(OpenedAt.AddHours(1));
    }

    [Fact]
    public void acceptance_extensions_and_overdue_flags_follow_the_limit()
    {
        var extended = new DateOnly(2026, 4, 30);

        var overdue = DetailsAfter([.. AcceptedHistory(), Overdue(LimitLastDay)]);
        var details = DetailsAfter([.. AcceptedHistory(), Overdue(LimitLastDay), Extended(extended)]);

        overdue.Overdue.ShouldBeTrue();
        overdue.LimitLastDay.ShouldBe(LimitLastDay);
        details.Overdue.ShouldBeFalse();
        details.LimitLastDay.ShouldBe(extended);
        details.Extensions.ShouldHaveSingleItem().ShouldBe(details.Extensions[0] with { From = LimitLastDay, To = extended });
        details.AcceptedAt.ShouldBe(AcceptedAt);
    }

    [Fact]
    public void the_mediator_and_sessions_are_shown_with_the_next_session()
    {
        var next = At(3, 12, 9, 0);

        var details = DetailsAfter([.. AcceptedHistory(), MediatorNamed("mediator2", MediatorSelection.ChosenByParties), SessionHeld(next)]);

        (details.MediatorId, details.MediatorName, details.MediatorSelection).ShouldBe(("mediator2", "吴调解", MediatorSelection.ChosenByParties));
        details.Sessions.ShouldHaveSingleItem().Id.ShouldBe(SessionId);
        details.NextSessionAt.ShouldBe(next);
    }

    [Fact]
    public void an_agreement_opens_the_confirmation_window_and_keeps_the_case_on_the_docket_until_followed_up()
    {
        var details = DetailsAfter([.. ReadyHistory(), SessionHeld(At(3, 30))]);
        details.NextSessionAt.ShouldNotBeNull();

        var agreed = DetailsAfter([.. ReadyHistory(), SessionHeld(At(3, 30)), AgreementMade()]);

        agreed.Status.ShouldBe(MediationStatus.AgreementSigned);
        agreed.IsOpen.ShouldBeTrue();
        agreed.NextSessionAt.ShouldBeNull();
        agreed.SignedAgreement!.PerformanceDeadline.ShouldBe(PerformanceDeadline);
        agreed.SignedAgreement.EffectiveAt.ShouldBe(SignedAt);
        agreed.Confirmation!.WindowLastDay.ShouldBe(ConfirmationLastDay);
        DetailsAfter([.. AgreedHistory(), FollowedUp(PerformanceResult.Performed)]).IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void the_court_dates_and_whether_it_was_late_are_shown()
    {
        var applied = new DateOnly(2026, 3, 23);
        var accepted = applied.AddDays(5);
        object[] history =
        [
            .. AgreedHistory(), new JudicialConfirmationReminderSent(Id, ConfirmationLastDay, At(4, 9, 9, 0)), Applied(applied),
            CourtAccepted(applied, accepted), Ruled(accepted),
        ];

        var c = DetailsAfter(history).Confirmation!;

        c.ReminderSentAt.ShouldBe(At(4, 9, 9, 0));
        (c.Court, c.AppliedOn, c.AcceptanceDueOn).ShouldBe(("安澜县人民法院", applied, applied.AddDays(3)));
        (c.AcceptedOn, c.AcceptanceLate, c.RulingDueOn).ShouldBe((accepted, (bool?)true, accepted.AddDays(15)));
        (c.Ruling, c.RuledOn, c.Extended, c.RulingLate).ShouldBe(((JudicialRuling?)JudicialRuling.Confirmed, accepted.AddDays(10), (bool?)false, (bool?)false));
    }

    [Fact]
    public void a_failure_shows_the_reason_and_the_notice() =>
        DetailsAfter([.. ReadyHistory(), Failed()]).ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(MediationStatus.Failed),
            d => d.FailureReason.ShouldBe("分歧过大"),
            d => d.OtherRoutesNotice.ShouldBe(MediationRules.FailedNotice),
            d => d.IsOpen.ShouldBeFalse());

    [Fact]
    public void a_breach_shows_the_referral_to_court()
    {
        var details = DetailsAfter([.. AgreedHistory(), FollowedUp(PerformanceResult.Breached),
            new CourtEnforcementReferred(Id, false, MediationRules.LawsuitNotice, Mediator, At(4, 6))]);

        details.Status.ShouldBe(MediationStatus.Breached);
        details.FollowUps.ShouldHaveSingleItem().Result.ShouldBe(PerformanceResult.Breached);
        details.CourtReferralNotice.ShouldBe(MediationRules.LawsuitNotice);
        details.Version.ShouldBe(9);
    }

    [Fact]
    public void masking_hides_peoples_names_and_phones_but_not_organisations()
    {
        var opened = Opened() with { Parties = [Applicant, new MediationParty("安澜县某物业服务有限公司", "0571-8812345", PartySide.Respondent, true)] };

        var masked = DetailsAfter(opened).Masked(Keyring.Empty);

        masked.Parties.Select(p => (p.Name, p.Phone)).ShouldBe([("王**", "139****2222"), ("安澜县某物业服务有限公司", "057*****2345")]);
        DetailsAfter(opened).Parties[0].Name.ShouldBe("王大妈");
    }

    [Fact]
    public void masking_hides_the_names_of_session_participants_and_invitees_but_not_organisations_or_the_mediator()
    {
        var company = new MediationParty("安澜县某物业服务有限公司", "0571-8812345", PartySide.Respondent, true);
        var session = SessionHeld() with
        {
            Participants = ["王大妈", "李先生", "安澜县某物业服务有限公司", "吴调解"],
            Invited = [new Invitee("张师傅", InviteeRole.Expert, "防水工程师"), new Invitee("欧阳小红", InviteeRole.Relative, null)],
        };
        object[] history = [Opened() with { Parties = [Applicant, company] }, .. AcceptedHistory()[1..], MediatorNamed(), session];

        var masked = DetailsAfter(history).Masked(Keyring.Empty).Sessions.ShouldHaveSingleItem();

        masked.Participants.ShouldBe(["王**", "李**", "安澜县某物业服务有限公司", "吴调解"]);
        masked.Invited.Select(i => (i.Name, i.Role, i.Note)).ShouldBe(
            [("张**", InviteeRole.Expert, "防水工程师"), ("欧***", InviteeRole.Relative, (string?)null)]);
        DetailsAfter(history).Sessions[0].Participants[0].ShouldBe("王大妈");
    }
}
