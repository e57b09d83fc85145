using Shouldly;
using Whistle.History.Export;
using Xunit;

namespace Whistle.UnitTests.History.Export;

/// <summary>Each personal field of the stored events, masked by its JSON name; officials and everything else stay as stored.</summary>
public class PersonalDataTests
{
    [Fact]
    public void the_complainants_name_phone_and_address_are_masked_the_actor_and_the_description_are_not()
    {
        PersonalData.Masked("""
            {"complaintId":"c1","complainant":{"name":"王小明","phone":"13812345678","address":"东关花园3号楼2单元"},
             "description":"消防通道被占","by":{"userId":"clerk","name":"李受理","role":"clerk"}}
            """).ShouldBe(
            """{"complaintId":"c1","complainant":{"name":"王**","phone":"138****5678","address":"***"},"description":"消防通道被占","by":{"userId":"clerk","name":"李受理","role":"clerk"}}""");
    }

    [Fact]
    public void a_complainant_without_an_address_keeps_it_null() =>
        PersonalData.Masked("""{"complainant":{"name":"王小明","phone":"5123456","address":null}}""")
            .ShouldBe("""{"complainant":{"name":"王**","phone":"*****56","address":null}}""");

    [Fact]
    public void a_fee_disputes_owner_name_and_phone_are_masked() =>
        PersonalData.Masked("""{"unit":"3-2-301","ownerName":"赵六","ownerPhone":"13900001111","amountOwed":1200.5}""")
            .ShouldBe("""{"unit":"3-2-301","ownerName":"赵*","ownerPhone":"139****1111","amountOwed":1200.5}""");

    [Fact]
    public void a_mediations_parties_are_masked_but_an_organisation_keeps_its_name_and_the_mediator_stays_in_clear() =>
        PersonalData.Masked("""
            {"parties":[{"name":"孙七","phone":"13700002222","side":"Applicant","isOrganisation":false},
                        {"name":"安澜物业有限公司","phone":"0571-1234567","side":"Respondent","isOrganisation":true}],
             "mediatorName":"周调解"}
            """).ShouldBe(
            """{"parties":[{"name":"孙*","phone":"137****2222","side":"Applicant","isOrganisation":false},{"name":"安澜物业有限公司","phone":"057*****4567","side":"Respondent","isOrganisation":true}],"mediatorName":"周调解"}""");

    [Fact]
    public void a_sessions_participants_and_invitees_are_masked_and_the_minutes_are_not() =>
        PersonalData.Masked("""{"participants":["孙七","周调解"],"invited":[{"name":"钱八","role":"Witness","note":null}],"minutes":"双方同意"}""")
            .ShouldBe("""{"participants":["孙*","周**"],"invited":[{"name":"钱*","role":"Witness","note":null}],"minutes":"双方同意"}""");

    [Fact]
    public void a_staff_members_phone_and_email_are_masked_wherever_they_stand() =>
        PersonalData.Masked("""{"info":{"name":"周科","role":"department","phone":"13512345678","email":"zhou.ke@example.gov.cn"}}""")
            .ShouldBe("""{"info":{"name":"周科","role":"department","phone":"135****5678","email":"z******@example.gov.cn"}}""");

    [Fact]
    public void an_id_number_keeps_its_area_and_last_four_digits_only() =>
        PersonalData.Masked("""{"idNumber":"330102199001011234"}""").ShouldBe("""{"idNumber":"330102********1234"}""");

    [Fact]
    public void json_that_does_not_parse_is_withheld() => PersonalData.Masked("{not json").ShouldBe("***");
}
