using System.Text;
using JasperFx.Events;
using Marten;
using Shouldly;
using Whistle.Assessment.Compounds;
using Whistle.Assessment.Credit;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.IntegrationTests.Mediation;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.Assessment;

/// <summary>
/// The credit files through the real async daemon (paused, then caught up once the steps are done — never a sleep) and
/// the compound profile; each test works in a county of its own. 东关花园 (CP010101) is served by PC45, 卓越物业, whose
/// legal representative the sample county names 贾桂芳; its owners' committee last acted in July 2022.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class CreditFileEndpointTests(AppFixture app) : MediationContext(app)
{
    private const string Compound = "CP010101", Company = "PC45";

    /// <summary>A property-service complaint on the compound, resolved, and rated satisfied.</summary>
    private async Task<Guid> SubstantiatedAndRated(string county)
    {
        var lodged = await Lodge(Tokens.Clerk, NewComplaint(Compound, "property-service"), county);
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/accept", Empty, county: county);
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/resolve", new ResolveComplaint("已清理楼道垃圾并整改保洁排班。"), county: county);
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/follow-up", new RecordFollowUp(Satisfaction.Satisfied, null), county: county);
        return lodged.Id;
    }

    /// <summary>An owner's mediation against the company (the respondent) ending in an agreement.</summary>
    private async Task<Guid> LostMediation(string county)
    {
        var id = await InMediation(new OpenMediationCase(
            new PartyInput("王大妈", "13900002222"), new PartyInput("安澜县卓越物业服务有限公司", "13962884419", IsOrganisation: true),
            "电梯长期故障，业主要求物业减免费用。", CompoundCode: Compound), county: county);
        await Act(id, "agreement", Agreement(), county: county);
        return id;
    }

    private async Task<(string County, Guid Complaint, Guid Mediation)> CountyWithOutcomes()
    {
        var county = await App.NewCountyAsync();
        var complaint = await SubstantiatedAndRated(county);
        var mediation = await LostMediation(county);
        await DaemonCaughtUp();
        return (county, complaint, mediation);
    }

    [Fact]
    public async Task the_company_s_file_charges_the_outcomes_of_its_compound_s_cases_each_entry_naming_its_event()
    {
        var (county, complaint, mediation) = await CountyWithOutcomes();

        var file = await Get<CompanyCreditFile>(Tokens.Office, $"/api/assessment/companies/{Company}", county);

        file.Name.ShouldBe("安澜县卓越物业服务有限公司");
        file.LegalRepresentative.ShouldBe("贾桂芳");
        file.Entries.Select(e => (e.Rule, e.Points, e.StreamId, e.EventType)).ShouldBe(
        [
            (CreditRule.SubstantiatedComplaint, -2, complaint, nameof(ComplaintResolved)),
            (CreditRule.GoodRating, 1, complaint, nameof(ComplaintFollowUpRecorded)),
            (CreditRule.LostMediation, -3, mediation, nameof(AgreementSigned)),
        ]);
        file.Score.ShouldBe(76);
        file.Grade.ShouldBe(CreditGrade.B);

        foreach (var entry in file.Entries)
        {
            var behind = (await EventsOf(entry.StreamId, county)).Single(e => e.Version == entry.Version);
            behind.Sequence.ShouldBe(entry.Sequence);
            behind.EventType.Name.ShouldBe(entry.EventType);
        }
    }

    [Fact]
    public async Task the_supervisor_reads_every_entry_and_the_same_score_but_no_mediation_case_is_named_to_it_live_or_as_of_a_day()
    {
        var (county, complaint, mediation) = await CountyWithOutcomes();
        var asOf = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var number = (await Get<CompanyCreditFile>(Tokens.Office, $"/api/assessment/companies/{Company}", county))
            .Cases.Single(c => c.Id == mediation).Number;
        number.ShouldNotBeEmpty();

        foreach (var url in new[] { $"/api/assessment/companies/{Company}", $"/api/assessment/companies/{Company}?format=csv", $"/api/history/companies/{Company}?asOf={asOf}", $"/api/history/companies?asOf={asOf}" })
        {
            var body = (await Send(Tokens.Supervisor, x => x.Get.Url(url), 200, county)).ReadAsText();
            body.ShouldNotContain(mediation.ToString(), Case.Insensitive, url);
            body.ShouldNotContain(number, Case.Insensitive, url);
            body.ShouldContain(complaint.ToString(), Case.Insensitive, url);
        }
        var file = await Get<CompanyCreditFile>(Tokens.Supervisor, $"/api/assessment/companies/{Company}", county);
        file.Entries.Select(e => (e.Rule, e.Points, e.StreamId, e.CaseHidden)).ShouldBe(
        [
            (CreditRule.SubstantiatedComplaint, -2, complaint, false),
            (CreditRule.GoodRating, 1, complaint, false),
            (CreditRule.LostMediation, -3, Guid.Empty, true),
        ]);
        (file.Score, file.Grade).ShouldBe((76, CreditGrade.B));
        file.Cases.Select(c => (c.Id, c.CaseHidden)).ShouldBe([(complaint, false), (Guid.Empty, true)]);
    }

    [Fact]
    public async Task recomputing_the_file_from_its_events_gives_the_same_score_and_entries()
    {
        var (county, complaint, mediation) = await CountyWithOutcomes();
        var file = await Get<CompanyCreditFile>(Tokens.Analyst, $"/api/assessment/companies/{Company}", county);

        var companyStream = Whistle.County.Directory.PropertyCompany.Kind.Id(Company);
        List<IEvent> events = [.. await EventsOf(companyStream, county), .. await EventsOf(complaint, county), .. await EventsOf(mediation, county)];
        var again = CreditLedger.Recompute(Company, events.OrderBy(e => e.Sequence));

        again.Score.ShouldBe(file.Score);
        again.Grade.ShouldBe(file.Grade);
        again.Entries.ShouldBe(file.Entries);
    }

    [Fact]
    public async Task each_case_is_a_document_of_its_own_and_the_file_is_composed_from_them_and_the_directory()
    {
        var (county, complaint, mediation) = await CountyWithOutcomes();
        var file = await Get<CompanyCreditFile>(Tokens.Office, $"/api/assessment/companies/{Company}", county);

        await using var session = App.Store.QuerySession(county);
        var cases = await session.Query<CompanyCreditCase>().Where(c => c.Company == Company).ToListAsync(TestContext.Current.CancellationToken);
        cases.Select(c => c.Id).ShouldBe([complaint, mediation], ignoreOrder: true);
        cases.Single(c => c.Id == complaint).Entries.Select(e => e.Rule).ShouldBe([CreditRule.SubstantiatedComplaint, CreditRule.GoodRating]);
        cases.Single(c => c.Id == mediation).Entries.Select(e => e.Rule).ShouldBe([CreditRule.LostMediation]);
        file.Cases.Select(c => c.Id).ShouldBe([complaint, mediation]);
        file.Entries.ShouldBe(cases.SelectMany(c => c.Entries).OrderBy(e => e.Sequence));   // no addition past the cap here
        file.LastSequence.ShouldBe(cases.Max(c => c.LastSequence));
    }

    [Fact]
    public async Task the_list_has_every_company_of_the_county_with_its_score_and_grade()
    {
        var (county, _, _) = await CountyWithOutcomes();

        var list = await Get<List<CreditFileSummary>>(Tokens.Supervisor, "/api/assessment/companies", county);

        list.Count.ShouldBe(49);
        list.Single(s => s.Code == Company).ShouldBe(new CreditFileSummary(Company, "安澜县卓越物业服务有限公司", "贾桂芳", 76, CreditGrade.B, 1, 5, 3));
        list.Where(s => s.Code != Company).ShouldAllBe(s => s.Score == 80 && s.Grade == CreditGrade.A);
        list[^1].Code.ShouldBe(Company);
    }

    [Fact]
    public async Task the_csv_exports_are_utf8_with_a_byte_order_mark()
    {
        var (county, _, _) = await CountyWithOutcomes();

        foreach (var (url, header) in new[]
        {
            ("/api/assessment/companies?format=csv", "企业编码 Code,"),
            ($"/api/assessment/companies/{Company}?format=csv", "规则 Rule,"),
        })
        {
            var result = await Send(Tokens.Clerk, x => x.Get.Url(url), 200, county);
            result.Context.Response.ContentType.ShouldBe("text/csv; charset=utf-8");
            var body = result.Context.Response.Body;
            using var bytes = new MemoryStream();
            await body.CopyToAsync(bytes, TestContext.Current.CancellationToken);
            var raw = bytes.ToArray();
            raw.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
            Encoding.UTF8.GetString(raw, 3, raw.Length - 3).ShouldStartWith(header);
        }
    }

    [Fact]
    public async Task only_the_county_wide_roles_read_credit_files()
    {
        foreach (var user in new[] { Tokens.Community, Tokens.SubDistrict, Tokens.Chengguan, Tokens.Mediator })
        {
            await Send(user, x => x.Get.Url("/api/assessment/companies"), 403);
            await Send(user, x => x.Get.Url($"/api/assessment/companies/{Company}"), 403);
        }
        await Send(null, x => x.Get.Url("/api/assessment/companies"), 401);
    }

    [Fact]
    public async Task an_unknown_company_is_404_and_an_unknown_format_400()
    {
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/companies/NO-SUCH"), 404);
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/companies?format=xlsx"), 400);
    }

    [Fact]
    public async Task the_compound_profile_shows_its_cases_disputes_company_and_a_dormant_committee()
    {
        string county = "";
        await AfterDaemon(async () =>
        {
            county = await App.NewCountyAsync();
            await SubstantiatedAndRated(county);
            await Lodge(Tokens.Clerk, NewComplaint(Compound, "illegal-parking"), county);
            await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(DisputeRaiser.Company, Company, Compound, "3号楼2单元501",
                new OwnerInput("李业主", "13700001111"), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 2400m), 201, county);
        });

        var profile = await Get<CompoundProfile>(Tokens.Community, $"/api/assessment/compounds/{Compound}", county);

        profile.Name.ShouldBe("东关花园");
        profile.Complaints.ShouldBe(2);
        profile.ComplaintsByCategory.ShouldBe(
        [
            new CategoryCount("illegal-parking", ComplaintStatus.Lodged, 1),
            new CategoryCount("property-service", ComplaintStatus.FollowedUp, 1),
        ]);
        profile.FeeDisputes.ShouldBe(new FeeDisputeCounts(1, 0, 2400m));
        profile.Company.ShouldBe(new ServingCompany(Company, "安澜县卓越物业服务有限公司", "贾桂芳", 79, "B"));
        profile.OwnersCommittee.LastActivityOn.ShouldBe(new DateOnly(2022, 7, 12));
        profile.OwnersCommittee.Dormant.ShouldBeTrue();
        profile.OwnersCommittee.DormantAfterMonths.ShouldBe(CompoundProfileSettings.DefaultMonths);
    }

    [Fact]
    public async Task a_compound_outside_the_user_s_area_is_404_and_a_department_is_refused()
    {
        await Send(Tokens.OtherCommunity, x => x.Get.Url($"/api/assessment/compounds/{Compound}"), 404);
        await Send(Tokens.Clerk, x => x.Get.Url("/api/assessment/compounds/CP999999"), 404);
        await Send(Tokens.Chengguan, x => x.Get.Url($"/api/assessment/compounds/{Compound}"), 403);
        (await Get<CompoundProfile>(Tokens.SubDistrict, $"/api/assessment/compounds/{Compound}")).Code.ShouldBe(Compound);
    }
}
