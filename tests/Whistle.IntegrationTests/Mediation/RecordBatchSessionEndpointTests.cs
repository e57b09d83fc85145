using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.Mediation;

/// <summary>Batch mediation: one session over several cases of one property company, appended to each in one transaction.</summary>
[Collection(SharedClock.Name)]
public sealed class RecordBatchSessionEndpointTests(AppFixture app) : MediationContext(app)
{
    private async Task<(string Company, string Compound, string OtherCompound)> Compounds()
    {
        var byCompany = await CompoundsByCompany();
        var first = byCompany.First();
        return (first.Key, first.First(), byCompany.Skip(1).First().First());
    }

    private async Task<Guid> AcceptedCaseIn(string compound)
    {
        var id = (await Open(NewCase(compound))).Id;
        await Accepted(id);
        return id;
    }

    private RecordBatchSession Batch(params Guid[] ids) => new(
        ids, BatchReason.Vacancy, Now, ["物业公司代表", "业主代表 23 人"],
        "空置房物业费：法律无免收规定，物业同意空置期按七折收取。", [new InviteeInput("住建局干部", InviteeRole.Expert, "政策解读")]);

    [Fact]
    public async Task one_session_is_recorded_on_every_case_of_the_same_company()
    {
        var (company, compound, _) = await Compounds();
        var first = await AcceptedCaseIn(compound);
        var second = await AcceptedCaseIn(compound);

        var result = await Post(Tokens.Mediator, "/api/mediation/batch-sessions", Batch(first, second));

        var batch = (await result.ReadAsJsonAsync<BatchSessionRecorded>())!;
        batch.PropertyCompanyCode.ShouldBe(company);
        batch.Sessions.Select(s => s.MediationCaseId).ShouldBe([first, second]);
        foreach (var id in new[] { first, second })
        {
            var session = (await CaseDetails(id)).Sessions.ShouldHaveSingleItem();
            session.BatchId.ShouldBe(batch.BatchId);
            session.BatchReason.ShouldBe(BatchReason.Vacancy);
            (await EventsOf(id))[^1].Data.ShouldBeOfType<MediationSessionHeld>().Minutes.ShouldStartWith("空置房物业费");
        }
    }

    [Fact]
    public async Task each_case_of_a_batch_keeps_its_own_outcome()
    {
        var (_, compound, _) = await Compounds();
        var settled = await AcceptedCaseIn(compound);
        var failed = await AcceptedCaseIn(compound);
        await Post(Tokens.Mediator, "/api/mediation/batch-sessions", Batch(settled, failed));
        await Act(settled, "mediator", new AssignMediator("mediator", "吴调解", MediatorSelection.Appointed));

        await Act(settled, "agreement", Agreement());
        await Act(failed, "fail", new RecordMediationFailure("业主拒绝任何折扣方案"));

        (await CaseDetails(settled)).Status.ShouldBe(MediationStatus.AgreementSigned);
        (await CaseDetails(failed)).Status.ShouldBe(MediationStatus.Failed);
    }

    [Fact]
    public async Task a_case_changed_after_the_batch_was_checked_aborts_the_whole_batch()
    {
        var (_, compound, _) = await Compounds();
        var first = await AcceptedCaseIn(compound);
        var second = await AcceptedCaseIn(compound);
        await using var session = App.Store.LightweightSession(AppFixture.County);
        MediationCase[] checkedCases =
        [
            (await session.Events.FetchLatest<MediationCase>(first, TestContext.Current.CancellationToken))!,
            (await session.Events.FetchLatest<MediationCase>(second, TestContext.Current.CancellationToken))!,
        ];
        await Act(second, "mediator", new AssignMediator("mediator", "吴调解", MediatorSelection.Appointed));
        var (_, sessions) = RecordBatchSessionEndpoint.Hold(Batch(first, second), checkedCases, Guid.CreateVersion7(), MediatorActor, Now);

        foreach (var op in RecordBatchSessionEndpoint.Appends(checkedCases, sessions)) op.Execute(session);

        (await Should.ThrowAsync<Exception>(() => session.SaveChangesAsync(TestContext.Current.CancellationToken)))
            .ShouldBeAssignableTo<JasperFx.ConcurrencyException>();
        (await EventsOf(first)).Count.ShouldBe(4);
        (await EventsOf(second)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task cases_of_different_companies_are_400_and_nothing_is_appended()
    {
        var (_, compound, otherCompound) = await Compounds();
        var first = await AcceptedCaseIn(compound);
        var other = await AcceptedCaseIn(otherCompound);

        var result = await Post(Tokens.Mediator, "/api/mediation/batch-sessions", Batch(first, other), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["caseIds"]);
        (await EventsOf(first)).Count.ShouldBe(4);
        (await EventsOf(other)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task a_case_without_consent_in_the_batch_is_409_and_no_case_gets_the_session()
    {
        var (_, compound, _) = await Compounds();
        var accepted = await AcceptedCaseIn(compound);
        var waiting = (await Open(NewCase(compound))).Id;

        var result = await Post(Tokens.Mediator, "/api/mediation/batch-sessions", Batch(accepted, waiting), 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("lacks both parties' consent");
        (await EventsOf(accepted)).Count.ShouldBe(4);
        (await EventsOf(waiting)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task an_unknown_case_or_a_batch_of_one_is_400()
    {
        var (_, compound, _) = await Compounds();
        var accepted = await AcceptedCaseIn(compound);

        var unknown = await Post(Tokens.Mediator, "/api/mediation/batch-sessions", Batch(accepted, Guid.NewGuid()), 400);
        (await unknown.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors["caseIds"].ShouldContain(m => m.Contains("No mediation case"));
        await Post(Tokens.Mediator, "/api/mediation/batch-sessions", Batch(accepted), 400);
        await Post(Tokens.Community, "/api/mediation/batch-sessions", Batch(accepted, accepted), 403);
    }
}
