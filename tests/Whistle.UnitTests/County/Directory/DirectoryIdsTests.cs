using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Xunit;

namespace Whistle.UnitTests.County.Directory;

public class DirectoryIdsTests
{
    // Computed once with Python's uuid.uuid5(UUID("6f0c7f0e-3b7a-4d4b-9c55-2f6d1a0b9e11"), "<kind>/<code>"),
    // an implementation of RFC 9562 independent of ours.
    private static readonly Guid DongguanGarden = new("a170d1f9-81c1-5c5e-9e1c-fcb3b9c36d2e");

    [Fact]
    public void the_same_kind_and_code_always_give_the_same_stream_id()
    {
        DirectoryIds.Compound("CP010101").ShouldBe(DongguanGarden);
        DirectoryIds.For("compound", "CP010101").ShouldBe(DongguanGarden);
        DirectoryIds.Compound("CP010101").ShouldBe(DirectoryIds.Compound("CP010101"));
    }

    [Fact]
    public void the_id_is_the_rfc_9562_name_based_uuid_of_kind_slash_code()
    {
        DirectoryIds.Community("CP010101").ShouldBe(new Guid("37962d9a-a2ae-5c21-ad0c-a5b1cf9b4958"));
        DirectoryIds.Department("chengguan").ShouldBe(new Guid("8cc10b98-58c8-5100-95d5-0b199f96c135"));
        DispatchCatalogue.StreamId.ShouldBe(new Guid("f07f7542-5fff-5ee2-9bcd-38faed859b62"));
    }

    [Fact]
    public void the_same_code_under_different_kinds_names_different_streams()
    {
        Guid[] ids =
        [
            DirectoryIds.SubDistrict("X01"), DirectoryIds.Community("X01"), DirectoryIds.Compound("X01"),
            DirectoryIds.PropertyCompany("X01"), DirectoryIds.Department("X01"),
        ];

        ids.Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void each_kind_helper_names_its_kind()
    {
        DirectoryIds.SubDistrict("SD01").ShouldBe(DirectoryIds.For("sub-district", "SD01"));
        DirectoryIds.Community("CM0101").ShouldBe(DirectoryIds.For("community", "CM0101"));
        DirectoryIds.Compound("CP010101").ShouldBe(DirectoryIds.For("compound", "CP010101"));
        DirectoryIds.PropertyCompany("PC01").ShouldBe(DirectoryIds.For("property-company", "PC01"));
        DirectoryIds.Department("zhujian").ShouldBe(DirectoryIds.For("department", "zhujian"));
    }

    [Fact]
    public void the_policy_streams_have_ids_of_their_own()
    {
        Guid[] ids = [DispatchCatalogue.StreamId, DeadlinePolicy.StreamId, CountyCalendar.StreamId];

        ids.Distinct().Count().ShouldBe(3);
    }

    [Theory]
    [InlineData("compound", "CP010101")]
    [InlineData("department", "mediation-centre")]
    [InlineData("community", "社区")]
    [InlineData("sub-district", "")]
    public void the_id_is_a_version_5_uuid_of_the_rfc_variant(string kind, string code)
    {
        var bytes = DirectoryIds.For(kind, code).ToByteArray(bigEndian: true);

        (bytes[6] >> 4).ShouldBe(5);
        (bytes[8] & 0xC0).ShouldBe(0x80);
    }
}
