using Shouldly;
using Whistle.Kernel;
using Whistle.Mediation;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

/// <summary>What a mediation command answers: the case after its events, never the write model itself.</summary>
public class MediationCaseAnswerTests
{
    [Fact]
    public void a_command_answers_with_the_case_after_its_events_and_the_next_expected_version()
    {
        var mediation = CaseAfter(ConsentedHistory());

        var (answer, events, _) = AcceptMediationCaseEndpoint.Accept(mediation, OfficialCalendar, Mediator, AcceptedAt);

        answer.ShouldBe(new MediationCaseAnswer(Id, Number, 4, MediationStatus.Accepted, "调解中", null, LimitLastDay, false, null, null));
        answer.ShouldBe(MediationCaseAnswer.Of(CaseAfter([.. ConsentedHistory(), .. events])));
        mediation.Status.ShouldBe(MediationStatus.Consented);
    }

    [Fact]
    public void a_command_that_appends_nothing_answers_with_the_case_as_it_was()
    {
        var mediation = CaseAfter(AcceptedHistory());

        var (answer, events, _) = AcceptMediationCaseEndpoint.Accept(mediation, OfficialCalendar, Mediator, Now);

        events.ShouldBeEmpty();
        answer.ShouldBe(MediationCaseAnswer.Of(mediation));
        answer.Version.ShouldBe(4);
    }

    [Fact]
    public void the_answer_counts_every_event_of_the_command()
    {
        var command = new RecordPerformanceFollowUp(PerformanceResult.Breached, "未付款");
        var mediation = CaseAfter(AgreedHistory());

        var (answer, events) = MediationCaseAnswer.With(mediation, RecordPerformanceFollowUpEndpoint.FollowUp(command, mediation, Mediator, At(4, 10)));

        events.Count.ShouldBe(2);
        (answer.Version, answer.Status, answer.StatusLabel).ShouldBe((mediation.Version + 2, MediationStatus.Breached, "协议未履行"));
    }

    [Fact]
    public void the_write_model_is_never_changed_by_folding_new_events()
    {
        var mediation = CaseAfter(Opened());

        var after = mediation.After([Consent(PartySide.Applicant), Consent(PartySide.Respondent)]);

        (mediation.Status, mediation.Consented.Count, mediation.Version).ShouldBe((MediationStatus.AwaitingConsent, 0, 1));
        (after.Status, after.Consented.Count, after.Version).ShouldBe((MediationStatus.Consented, 2, 3));
    }

    [Fact]
    public void an_event_of_another_stream_cannot_be_folded() =>
        Should.Throw<InvalidOperationException>(() => CaseAfter(Opened()).After([new Whistle.Complaints.ComplaintAccepted(Id, Mediator, Now)]));

    [Fact]
    public void a_batch_appends_one_session_per_case_expecting_each_case_as_checked()
    {
        MediationCase[] cases = [CaseAfter(AcceptedHistory()), CaseAfter(Opened(id: OtherId), Consent(PartySide.Applicant, OtherId))];
        MediationSessionHeld[] sessions = [SessionHeld(id: OtherId), SessionHeld()];

        RecordBatchSessionEndpoint.Appends(cases, sessions).Count().ShouldBe(2);
    }
}
