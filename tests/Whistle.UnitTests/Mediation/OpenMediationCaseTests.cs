using Shouldly;
using Whistle.County.Directory;
using Whistle.Mediation;
using Whistle.UnitTests.Complaints;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class OpenMediationCaseTests
{
    private static readonly Compound DongguanGarden = new()
    {
        Id = DirectoryIds.Compound("CP010101"), Code = "CP010101",
        Info = new CompoundInfo("东关花园", "CM0101", "SD01", "人民路 1 号", 300, CompoundStage.Delivered, Company,
            new OwnersCommittee(false, null, null, null)),
    };

    private static readonly MediationOpening WithCompound = new(null, DongguanGarden);

    private static OpenMediationCase Application() => new(
        new PartyInput(" 王大妈 ", " 139 0000 2222 "), new PartyInput("李先生", null), "  楼上装修漏水致楼下天花板受损。 ",
        CompoundCode: "CP010101");

    [Fact]
    public void an_application_starts_a_case_stream_waiting_for_both_consents()
    {
        var (created, stream) = OpenMediationCaseEndpoint.Open(Application(), WithCompound, Id, Number, Mediator, Now);

        created.ShouldBe(new OpenedMediationCase(Id, Number));
        created.Url.ShouldBe($"/api/mediation/cases/{Id}");
        stream.StreamId.ShouldBe(Id);
        stream.AggregateType.ShouldBe(typeof(MediationCase));
        stream.Events.ShouldBeEvents(new MediationCaseOpened(
            Id, Number, ReferralSource.Party, null, null, null,
            [new MediationParty("王大妈", "139 0000 2222", PartySide.Applicant), new MediationParty("李先生", null, PartySide.Respondent)],
            "楼上装修漏水致楼下天花板受损。", Company, "CP010101", "CM0101", "SD01", Mediator, Now));
        var mediation = CaseAfter([.. stream.Events]);
        mediation.Status.ShouldBe(MediationStatus.AwaitingConsent);
        mediation.PropertyCompanyCode.ShouldBe(Company);
    }

    [Fact]
    public void a_complaint_referral_records_the_complaint_and_its_number()
    {
        var complaint = new ReferringComplaint(ComplaintHistory.Id, ComplaintHistory.Number, "CP010101");
        var command = Application() with { Source = ReferralSource.Complaint, ComplaintId = ComplaintHistory.Id, CompoundCode = null };

        var (_, stream) = OpenMediationCaseEndpoint.Open(command, new MediationOpening(complaint, DongguanGarden), Id, Number, Mediator, Now);

        var opened = stream.Events.ShouldHaveSingleItem().ShouldBeOfType<MediationCaseOpened>();
        (opened.Source, opened.SourceCaseId, opened.SourceNumber).ShouldBe((ReferralSource.Complaint, ComplaintHistory.Id, ComplaintHistory.Number));
    }

    [Fact]
    public void a_case_without_a_compound_has_no_company_or_area()
    {
        var (_, stream) = OpenMediationCaseEndpoint.Open(
            Application() with { CompoundCode = null, Source = ReferralSource.Court, Reference = " (2026)安民委字 18 号 " },
            new MediationOpening(null, null), Id, Number, Mediator, Now);

        var opened = stream.Events.ShouldHaveSingleItem().ShouldBeOfType<MediationCaseOpened>();
        (opened.PropertyCompanyCode, opened.CompoundCode, opened.CommunityCode).ShouldBe((null, null, null));
        opened.SourceReference.ShouldBe("(2026)安民委字 18 号");
    }

    [Fact]
    public void a_complete_application_passes_validation() =>
        OpenMediationCaseEndpoint.Validate(Application(), WithCompound).ShouldBeNoProblem();

    [Fact]
    public void every_missing_field_is_reported_at_once() =>
        OpenMediationCaseEndpoint.Validate(new OpenMediationCase(null, null, null), new MediationOpening(null, null))
            .ShouldRejectFields("applicant", "respondent", "matter");

    [Theory]
    [InlineData(ReferralSource.Court)]
    [InlineData(ReferralSource.Police)]
    [InlineData(ReferralSource.Hotline)]
    public void a_referral_by_a_body_needs_its_reference(ReferralSource source) =>
        OpenMediationCaseEndpoint.Validate(Application() with { Source = source }, WithCompound).ShouldRejectFields("reference");

    [Fact]
    public void fee_disputes_come_from_the_dispute_not_from_here() =>
        OpenMediationCaseEndpoint.Validate(Application() with { Source = ReferralSource.FeeDispute }, WithCompound)
            .ShouldRejectField("source", "Fee disputes are referred to mediation from the dispute itself.");

    [Fact]
    public void an_undefined_source_is_a_bad_request() =>
        OpenMediationCaseEndpoint.Validate(Application() with { Source = (ReferralSource)42 }, WithCompound).ShouldRejectFields("source");

    [Fact]
    public void a_complaint_referral_must_name_an_existing_complaint()
    {
        OpenMediationCaseEndpoint.Validate(Application() with { Source = ReferralSource.Complaint }, WithCompound)
            .ShouldRejectFields("complaintId");
        OpenMediationCaseEndpoint.Validate(Application() with { Source = ReferralSource.Complaint, ComplaintId = Guid.NewGuid() }, WithCompound)
            .ShouldRejectField("complaintId", "No such complaint.");
    }

    [Fact]
    public void only_a_complaint_referral_names_a_complaint() =>
        OpenMediationCaseEndpoint.Validate(Application() with { ComplaintId = ComplaintHistory.Id }, WithCompound)
            .ShouldRejectField("complaintId", "Only a Complaint referral names a complaint.");

    [Fact]
    public void an_unknown_compound_is_a_bad_request() =>
        OpenMediationCaseEndpoint.Validate(Application() with { CompoundCode = "CP999999" }, new MediationOpening(null, null))
            .ShouldRejectField("compoundCode", "No such compound in this county.");

    [Fact]
    public void a_phone_with_letters_is_a_bad_request() =>
        OpenMediationCaseEndpoint.Validate(Application() with { Respondent = new PartyInput("李先生", "138abc") }, WithCompound)
            .ShouldRejectFields("respondent.phone");

    [Fact]
    public void a_matter_over_2000_characters_is_a_bad_request() =>
        OpenMediationCaseEndpoint.Validate(Application() with { Matter = new string('纠', 2001) }, WithCompound).ShouldRejectFields("matter");
}
