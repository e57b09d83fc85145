using Shouldly;
using Whistle.Complaints;
using Whistle.Privacy;
using Whistle.Privacy.Sealing;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;

namespace Whistle.UnitTests.Complaints;

public class ComplaintDetailsTests
{
    [Fact]
    public void every_reader_sees_the_complainant_masked_and_the_document_keeps_it()
    {
        var details = Details(Id, Number);

        var seen = details.Masked(Keyring.Empty);

        seen.Complainant.ShouldBe(new Complainant("王**", "138****5678", "***"));
        seen.Number.ShouldBe(Number);
        details.Complainant.ShouldBe(Resident);
    }

    [Fact]
    public void the_complainant_s_personal_data_is_named_field_by_field() =>
        Details(Id, Number).PersonalData().Select(d => (d.Field, d.Kind, d.Value, d.Masked)).ShouldBe(
        [
            ("complainant.name", PersonalDataKind.Name, Resident.Name, "王**"),
            ("complainant.phone", PersonalDataKind.Phone, Resident.Phone, "138****5678"),
            ("complainant.address", PersonalDataKind.Address, Resident.Address!, "***"),
        ]);

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        ComplaintDetailsEndpoint.Validate(Id, Details(Id, Number), Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void a_sub_district_worker_may_read_complaints_of_their_sub_district() =>
        ComplaintDetailsEndpoint.Validate(Id, Details(Id, Number), Users.SubDistrictWorker(SubDistrictId))
            .ShouldBeNoProblem();

    [Fact]
    public void a_missing_complaint_is_not_found()
    {
        var problem = ComplaintDetailsEndpoint.Validate(Id, null, Users.Clerk);

        problem.ShouldBeNotFound();
        problem.Detail.ShouldNotBeNull().ShouldContain($"Complaint {Id} does not exist.");
    }
}
