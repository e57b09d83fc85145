using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.Kernel;

public class MaskTests
{
    [Theory]
    [InlineData("王小明", "王**")]
    [InlineData("李四", "李*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("王", "王*")]
    [InlineData("", "")]
    public void a_name_keeps_only_its_first_character(string name, string masked) =>
        Mask.Name(name).ShouldBe(masked);

    [Theory]
    [InlineData("陈小🐱", "陈**")]
    [InlineData("𠮷小明", "𠮷**")]
    [InlineData("𠮷", "𠮷*")]
    [InlineData("王👨‍👩‍👧", "王*")]
    public void a_name_counts_what_a_reader_sees_as_one_character(string name, string masked) =>
        Mask.Name(name).ShouldBe(masked);

    [Fact]
    public void an_email_counts_characters_not_utf16_units() =>
        Mask.Email("🐱ab@example.gov.cn").ShouldBe("🐱**@example.gov.cn");

    [Theory]
    [InlineData("zhou.ke@example.gov.cn", "z******@example.gov.cn")]
    [InlineData("a@example.gov.cn", "a*@example.gov.cn")]
    [InlineData("not-an-address", "**************")]
    public void an_email_keeps_its_first_character_and_its_domain(string email, string masked) =>
        Mask.Email(email).ShouldBe(masked);

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0571-88123456", "057******3456")]
    [InlineData("+86 138 1234 5678", "+86**********5678")]
    public void a_phone_keeps_its_first_three_and_last_four_characters(string phone, string masked) =>
        Mask.Phone(phone).ShouldBe(masked);

    [Theory]
    [InlineData("110", "***")]
    [InlineData("123456", "******")]
    [InlineData("", "")]
    public void a_number_shorter_than_seven_characters_is_masked_whole(string phone, string masked) =>
        Mask.Phone(phone).ShouldBe(masked);

    [Theory]
    [InlineData("110105199001010123", "110105********0123")]
    [InlineData("11010519900101012X", "110105********012X")]
    [InlineData("110105900101012", "110105******012")]
    [InlineData("123456789", "*********")]
    [InlineData("", "")]
    public void an_id_number_shows_its_area_and_last_four_and_never_the_date_of_birth(string number, string masked) =>
        Mask.IdNumber(number).ShouldBe(masked);

    [Fact]
    public void a_seven_digit_landline_is_never_shown_in_full() =>
        Mask.Phone("5123456").ShouldContain('*');

    [Fact]
    public void a_masked_complainant_hides_name_phone_and_address() =>
        new Complainant("王小明", "13812345678", "东关花园 3 栋").Masked()
            .ShouldBe(new Complainant("王**", "138****5678", "***"));

    [Fact]
    public void a_complainant_without_an_address_stays_without_one_when_masked() =>
        new Complainant("李四", "13900001111", null).Masked()
            .ShouldBe(new Complainant("李*", "139****1111", null));
}
