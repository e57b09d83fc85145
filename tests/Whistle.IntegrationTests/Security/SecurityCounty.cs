using System.Text.Json;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Whistle.Mediation;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Security;

/// <summary>
/// The resources the security tests walk the API with, in a county of their own: one side own to the sample users of
/// SD01/CM0101 (and department 城管, mediator <c>mediator</c>), one foreign (SD02/CM0201, 住建, <c>mediator2</c>).
/// </summary>
public abstract class SecurityContext(AppFixture app) : IntegrationContext(app)
{
    /// <summary>Today in China time, by the tests' clock.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>Residents of one side, unique to the test that names them.</summary>
    protected sealed record Residents(
        string Complainant, string ComplainantPhone, string Address, string Owner, string OwnerPhone,
        string Applicant, string ApplicantPhone, string Respondent, string Participant, string Invitee);

    protected static Residents Nobody(string side) => new(
        "甲" + side, "13100000000", side + "号楼", "乙" + side, "13100000001", "丙" + side, "13100000002", "丁" + side, "戊" + side, "己" + side);

    protected async Task<EndpointWalker.Side> SideAsync(
        string county, string name, Tokens.User community, string compound, string communityCode, string subDistrict,
        string company, string department, string mediator, Residents residents, bool sessions = false)
    {
        var complaint = await Lodge(Tokens.Clerk, new LodgeComplaint(ComplaintChannel.Hotline, "illegal-parking", compound,
            new ComplainantInput(residents.Complainant, residents.ComplainantPhone, residents.Address), "消防通道被私家车占用。"), county);
        await Post(community, $"/api/complaints/{complaint.Id}/accept", new { }, 200, county);
        // The own whistle goes to the catalogue's 公安 and 城管; the foreign one to 住建 alone.
        var blow = department == "chengguan"
            ? new BlowWhistle("请公安、城管到场")
            : new BlowWhistle("请住建到场", Lead: department, CoHandling: [], DepartureReason: "涉及房屋结构，需住建牵头");
        var whistle = (await (await Post(community, $"/api/complaints/{complaint.Id}/whistle", blow, 201, county))
            .ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        var dispute = (await (await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(
            DisputeRaiser.Company, company, compound, "1-101", new OwnerInput(residents.Owner, residents.OwnerPhone),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), 900m), 201, county)).ReadAsJsonAsync<FeeDisputeRaisedResponse>())!;
        var mediation = (await (await Post(Tokens.Mediator, "/api/mediation/cases", new OpenMediationCase(
            new PartyInput(residents.Applicant, residents.ApplicantPhone), new PartyInput(residents.Respondent, null), "停车位纠纷",
            CompoundCode: compound), 201, county)).ReadAsJsonAsync<OpenedMediationCase>())!;
        var url = $"/api/mediation/cases/{mediation.Id}";
        await Post(Tokens.Mediator, $"{url}/mediator", new AssignMediator(mediator, mediator + " 测试", MediatorSelection.Appointed), 200, county);
        if (sessions)
        {
            await Post(Tokens.Mediator, $"{url}/consent", new { side = "Applicant", consents = true }, 200, county);
            await Post(Tokens.Mediator, $"{url}/consent", new { side = "Respondent", consents = true }, 200, county);
            await Post(Tokens.Mediator, $"{url}/accept", new { }, 200, county);
            await Post(Tokens.Mediator, $"{url}/sessions", new RecordMediationSession(
                App.Clock.GetUtcNow(), [residents.Participant], "双方陈述。",
                [new InviteeInput(residents.Invitee, InviteeRole.Neighbour)]), 200, county);
        }
        var area = new CaseArea(communityCode, subDistrict);
        return new EndpointWalker.Side(name,
            new(CaseKind.Complaint, complaint.Id, complaint.Number, area),
            new(CaseKind.Whistle, whistle, "", area with { Departments = department == "chengguan" ? ["gongan", "chengguan"] : [department] }),
            new(CaseKind.FeeDispute, dispute.Id, dispute.Number, area),
            new(CaseKind.Mediation, mediation.Id, mediation.Number, area),
            department, compound, communityCode, subDistrict, mediator, company);
    }

    protected Task<EndpointWalker.Side> OwnAsync(string county, Residents residents, bool sessions = false) =>
        SideAsync(county, "own", Tokens.Community, "CP010101", "CM0101", "SD01", "PC45", "chengguan", "mediator", residents, sessions);

    protected Task<EndpointWalker.Side> ForeignAsync(string county, Residents residents, bool sessions = false) =>
        SideAsync(county, "foreign", Tokens.OtherCommunity, "CP020105", "CM0201", "SD02", "PC20", "zhujian", "mediator2", residents, sessions);

    protected static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;
}
