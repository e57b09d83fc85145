using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class RecordBatchSessionTests
{
    private static readonly Guid BatchId = Guid.Parse("019ab0c2-4a00-7000-8000-00000000f001");

    private static MediationCase AcceptedCase(Guid id, string? company = Company) =>
        CaseAfter(Opened(ReferralSource.FeeDispute, id, company), Consent(PartySide.Applicant, id), Consent(PartySide.Respondent, id), Accepted(id));

    private static RecordBatchSession Batch(params Guid[] ids) => new(
        ids, BatchReason.Vacancy, At(3, 9, 9, 0), ["物业公司代表", "业主代表"], "空置房：法律无免收规定，物业同意按七折收取。");

    private static List<(Guid Id, MediationCase? Case)> Loaded(params MediationCase?[] cases) =>
        cases.Select((c, i) => (c?.Id ?? Guid.Parse($"019ab0c2-4a00-7000-8000-0000000000{i:D2}"), c)).ToList();

    [Fact]
    public void one_session_is_recorded_on_each_case_of_the_same_company_under_one_batch()
    {
        MediationCase[] cases = [AcceptedCase(Id), AcceptedCase(OtherId)];
        RecordBatchSessionEndpoint.Check(Batch(Id, OtherId), Loaded(cases), Now).ShouldBeNoProblem();

        var (recorded, sessions) = RecordBatchSessionEndpoint.Hold(Batch(Id, OtherId), cases, BatchId, Mediator, Now);

        recorded.ShouldBe(new BatchSessionRecorded(BatchId, BatchReason.Vacancy, Company, recorded.Sessions));
        recorded.Sessions.ShouldBe([new(Id, Number), new(OtherId, Number)]);
        sessions.ShouldBeEvents(
            new MediationSessionHeld(Id, BatchId, At(3, 9, 9, 0), ["物业公司代表", "业主代表"], [], "空置房：法律无免收规定，物业同意按七折收取。",
                null, BatchId, BatchReason.Vacancy, Mediator, Now),
            new MediationSessionHeld(OtherId, BatchId, At(3, 9, 9, 0), ["物业公司代表", "业主代表"], [], "空置房：法律无免收规定，物业同意按七折收取。",
                null, BatchId, BatchReason.Vacancy, Mediator, Now));
    }

    [Fact]
    public void cases_of_different_companies_are_a_bad_request() =>
        RecordBatchSessionEndpoint.Check(Batch(Id, OtherId), Loaded(AcceptedCase(Id), AcceptedCase(OtherId, OtherCompany)), Now)
            .ShouldRejectField("caseIds", "The cases of a batch must concern one and the same property company.");

    [Fact]
    public void cases_without_a_company_are_a_bad_request() =>
        RecordBatchSessionEndpoint.Check(Batch(Id, OtherId), Loaded(AcceptedCase(Id, null), AcceptedCase(OtherId, null)), Now)
            .ShouldRejectField("caseIds", "one and the same property company");

    [Fact]
    public void an_unknown_case_is_a_bad_request_naming_it()
    {
        var unknown = Guid.Parse("019ab0c2-4a00-7000-8000-000000000001");

        RecordBatchSessionEndpoint.Check(Batch(Id, unknown), Loaded(AcceptedCase(Id), null), Now)
            .ShouldRejectField("caseIds", $"No mediation case {unknown}.");
    }

    [Fact]
    public void a_batch_needs_two_distinct_cases_and_a_reason()
    {
        RecordBatchSessionEndpoint.Check(Batch(Id), Loaded(AcceptedCase(Id)), Now).ShouldRejectField("caseIds", "at least two cases");
        RecordBatchSessionEndpoint.Check(Batch(Id, Id) with { Reason = null }, Loaded(AcceptedCase(Id)), Now)
            .ShouldRejectFields("caseIds", "reason");
    }

    [Fact]
    public void a_case_not_in_mediation_makes_the_whole_batch_a_conflict() =>
        RecordBatchSessionEndpoint.Check(Batch(Id, OtherId),
                Loaded(AcceptedCase(Id), CaseAfter(Opened(ReferralSource.FeeDispute, OtherId))), Now)
            .ShouldBeConflict("lacks both parties' consent; it cannot join a batch session.");

    [Fact]
    public void a_batch_session_dated_in_the_future_is_a_bad_request() =>
        RecordBatchSessionEndpoint.Check(Batch(Id, OtherId) with { HeldAt = Now.AddHours(1) }, Loaded(AcceptedCase(Id), AcceptedCase(OtherId)), Now)
            .ShouldRejectFields("heldAt");
}
