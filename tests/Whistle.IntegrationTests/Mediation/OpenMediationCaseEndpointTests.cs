using Marten;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.Mediation;

/// <summary>Registering a mediation case over HTTP: applications and referrals, numbers, bad input.</summary>
[Collection(SharedClock.Name)]
public sealed class OpenMediationCaseEndpointTests(AppFixture app) : MediationContext(app)
{
    [Fact]
    public async Task a_party_application_is_201_with_a_tj_number_and_waits_for_consent()
    {
        var result = await Post(Tokens.Mediator, "/api/mediation/cases", NewCase(), 201);

        var opened = (await result.ReadAsJsonAsync<OpenedMediationCase>())!;
        opened.Number.ShouldMatch($@"^TJ-{CountyTimeYear()}-\d{{6}}$");
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/mediation/cases/{opened.Id}");
        var details = await CaseDetails(opened.Id);
        details.Status.ShouldBe(MediationStatus.AwaitingConsent);
        details.Source.ShouldBe(ReferralSource.Party);
        details.Parties.Select(p => (p.Name, p.Side)).ShouldBe([("王**", PartySide.Applicant), ("李**", PartySide.Respondent)]);
        (await Unmasked($"/api/mediation/cases/{opened.Id}", Tokens.Mediator)).ShouldBe(new Dictionary<string, string>
        {
            ["parties[0].name"] = "王大妈", ["parties[0].phone"] = "13900002222", ["parties[1].name"] = "李先生", ["parties[1].phone"] = "13800003333",
        });
        details.CompoundCode.ShouldBe("CP010101");
        details.CommunityCode.ShouldBe("CM0101");
        details.OpenedAt.ShouldBe(Now);
        (await EventsOf(opened.Id)).Single().Data.ShouldBeOfType<MediationCaseOpened>().Number.ShouldBe(opened.Number);
    }

    [Fact]
    public async Task the_clerk_registers_too_and_numbers_follow_each_other()
    {
        var first = await Open(user: Tokens.Clerk);
        var second = await Open(user: Tokens.Clerk);

        Sequence(second.Number).ShouldBeGreaterThan(Sequence(first.Number));
    }

    [Fact]
    public async Task a_complaint_referral_names_the_complaint_and_takes_its_compound_and_company()
    {
        var complaint = await Lodge();

        var opened = await Open(NewCase(compound: null) with { Source = ReferralSource.Complaint, ComplaintId = complaint.Id });

        var details = await CaseDetails(opened.Id);
        details.Source.ShouldBe(ReferralSource.Complaint);
        details.SourceCaseId.ShouldBe(complaint.Id);
        details.SourceNumber.ShouldBe(complaint.Number);
        details.CompoundCode.ShouldBe("CP010101");
        var company = (await CompoundsByCompany()).SingleOrDefault(g => g.Contains("CP010101"))?.Key;
        details.PropertyCompanyCode.ShouldBe(company);
    }

    [Fact]
    public async Task a_court_referral_keeps_the_courts_reference()
    {
        var opened = await Open(NewCase() with { Source = ReferralSource.Court, Reference = "(2026)安民委调字第 18 号" });

        (await CaseDetails(opened.Id)).SourceReference.ShouldBe("(2026)安民委调字第 18 号");
    }

    [Fact]
    public async Task bad_input_is_400_naming_each_field_and_nothing_is_registered()
    {
        var result = await Post(Tokens.Mediator, "/api/mediation/cases",
            new OpenMediationCase(new PartyInput(" ", "abc"), null, "", ReferralSource.Police, CompoundCode: "CP999999"), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(
            ["applicant.name", "applicant.phone", "respondent", "matter", "reference", "compoundCode"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_complaint_referral_naming_an_unknown_complaint_is_400()
    {
        var result = await Post(Tokens.Mediator, "/api/mediation/cases",
            NewCase() with { Source = ReferralSource.Complaint, ComplaintId = Guid.NewGuid() }, 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors["complaintId"].ShouldHaveSingleItem().ShouldContain("No such complaint");
    }

    [Fact]
    public async Task fee_disputes_are_not_registered_here()
    {
        var result = await Post(Tokens.Mediator, "/api/mediation/cases", NewCase() with { Source = ReferralSource.FeeDispute }, 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["source"]);
    }

    [Fact]
    public async Task malformed_json_is_400_problem_details_and_nothing_is_registered()
    {
        var county = await App.NewCountyAsync();

        var result = await PostRaw(Tokens.Mediator, "/api/mediation/cases", "{\"applicant\": {\"name\": \"王\"", 400, county);

        result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        await using var session = App.Store.QuerySession(county);
        (await session.Query<MediationCaseDetails>().CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task a_command_with_malformed_json_is_400_and_appends_nothing()
    {
        var id = (await Open()).Id;

        await PostRaw(Tokens.Mediator, CaseUrl(id, "consent"), "{\"side\": \"Applicant\", \"consents\": maybe}", 400);
        await PostRaw(Tokens.Mediator, CaseUrl(id, "consent"), "{\"side\": \"Plaintiff\", \"consents\": true}", 400);

        (await EventsOf(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task workers_outside_the_centre_cannot_register_or_read_cases()
    {
        var id = (await Open()).Id;

        await Post(Tokens.Community, "/api/mediation/cases", NewCase(), 403);
        await Send(Tokens.Community, x => x.Get.Url(CaseUrl(id)), 403);
        await Act(id, "consent", new RecordConsent(PartySide.Applicant, true), 403, Tokens.Gongan);
        await Post(null, "/api/mediation/cases", NewCase(), 401);
    }

    [Fact]
    public async Task an_unknown_case_is_404_for_reads_and_commands()
    {
        var unknown = Guid.NewGuid();

        await Send(Tokens.Mediator, x => x.Get.Url(CaseUrl(unknown)), 404);
        await Act(unknown, "consent", new RecordConsent(PartySide.Applicant, true), 404);
        await Act(unknown, "accept", Empty, 404);
        await Act(unknown, "sessions", Session(), 404);
        await Act(unknown, "agreement", Agreement(), 404);
    }

    [Fact]
    public async Task another_kind_of_case_is_not_a_mediation_case()
    {
        var complaint = await Lodge();
        var accepted = (await Open()).Id;
        await Accepted(accepted);

        await Send(Tokens.Mediator, x => x.Get.Url(CaseUrl(complaint.Id)), 404);
        await Act(complaint.Id, "consent", new RecordConsent(PartySide.Applicant, true), 404);
        var batch = await Post(Tokens.Mediator, "/api/mediation/batch-sessions", new RecordBatchSession(
            [accepted, complaint.Id], BatchReason.Price, Now, ["业主代表"], "价格争议。"), 400);
        (await batch.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors["caseIds"].ShouldContain(m => m.Contains(complaint.Id.ToString()));
        (await EventsOf(complaint.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task analysts_and_mediators_read_the_parties_masked()
    {
        var id = (await Open()).Id;

        foreach (var reader in new[] { Tokens.Analyst, Tokens.Mediator })
            (await CaseDetails(id, reader)).Parties.Select(p => (p.Name, p.Phone)).ShouldBe([("王**", "139****2222"), ("李**", "138****3333")]);
    }

    [Fact]
    public async Task session_participants_invitees_and_the_docket_are_masked_and_unmasked_on_purpose()
    {
        var id = await InMediation();

        var details = await CaseDetails(id, Tokens.Analyst);
        var docket = await Get<MediationDocket>(Tokens.Analyst, "/api/mediation/docket");

        var session = details.Sessions.ShouldHaveSingleItem();
        session.Participants.ShouldBe(["王**", "李**"]);
        session.Invited.Select(i => (i.Name, i.Role)).ShouldBe([("张**", InviteeRole.Expert)]);
        docket.Items.Where(i => i.MediationCaseId == id).ShouldHaveSingleItem().Parties.ShouldBe(["王**", "李**"]);
        (await CaseDetails(id)).Sessions[0].Participants.ShouldBe(["王**", "李**"]);
        var clear = await Unmasked($"/api/mediation/cases/{id}", Tokens.Mediator);
        (clear["sessions[0].participants[0]"], clear["sessions[0].participants[1]"], clear["sessions[0].invited[0].name"])
            .ShouldBe(("王大妈", "李先生", "张师傅"));
    }

    private int CountyTimeYear() => Whistle.Kernel.CountyTime.Local(Now).Year;

    private static int Sequence(string number) => int.Parse(number[^6..], System.Globalization.CultureInfo.InvariantCulture);
}
