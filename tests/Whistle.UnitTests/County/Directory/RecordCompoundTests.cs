using Shouldly;
using Whistle.County.Directory;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Directory;

public class RecordCompoundTests
{
    private static readonly Guid Id = DirectoryIds.Compound("CP010101");
    private static readonly DateTimeOffset Registered = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Community Dongguan = Given<Community>(new CommunityRegistered(
        DirectoryIds.Community("CM0101"), "CM0101", new CommunityInfo("东关社区", "SD01"), Users.AdminActor, Registered));

    private static readonly PropertyCompany Hengxin = Given<PropertyCompany>(new PropertyCompanyRegistered(
        DirectoryIds.PropertyCompany("PC01"), "PC01",
        new PropertyCompanyInfo("安澜县恒信物业服务有限公司", "91410523MA44XK7L2Q", "王经理", "13912345678"), Users.AdminActor, Registered));

    private static readonly OwnersCommitteeInput Formed =
        new(true, new DateOnly(2023, 5, 1), new DateOnly(2028, 4, 30), new DateOnly(2026, 10, 12));

    private static readonly OwnersCommitteeInput NotFormed = new(false, null, null, null);

    private static RecordCompound Complete() =>
        new(" 东关花园 ", "CM0101", " 人民路 1 号 ", 320, CompoundStage.Delivered, "PC01", Formed);

    private static CompoundInfo GardenInfo() => new(
        "东关花园", "CM0101", "SD01", "人民路 1 号", 320, CompoundStage.Delivered, "PC01",
        new OwnersCommittee(true, new DateOnly(2023, 5, 1), new DateOnly(2028, 4, 30), new DateOnly(2026, 10, 12)));

    private static Compound Garden() =>
        Given<Compound>(new CompoundRegistered(Id, "CP010101", GardenInfo(), Users.AdminActor, Registered));

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(RecordCompound command, string code = "CP010101") =>
        RecordCompoundEndpoint.Validate(code, command, new CompoundRecording(Dongguan, Hengxin));

    private static (DirectoryRecorded Result, object? Change) Decide(CompoundInfo info, Compound? existing) =>
        DirectoryRecording.Decide(
            "CP010101", info, existing?.Info, existing?.Version ?? 0,
            i => new CompoundRegistered(Id, "CP010101", i, Users.AdminActor, Now),
            (i, changed) => new CompoundRevised(Id, "CP010101", i, changed, Users.AdminActor, Now));

    [Fact]
    public void a_complete_compound_passes_validation() =>
        Validate(Complete()).ShouldBeNoProblem();

    [Fact]
    public void a_compound_without_a_company_or_committee_passes_validation() =>
        RecordCompoundEndpoint.Validate(
                "CP010101", Complete() with { PropertyCompanyCode = null, OwnersCommittee = NotFormed }, new CompoundRecording(Dongguan, null))
            .ShouldBeNoProblem();

    [Theory]
    [InlineData("a b")]
    [InlineData("abcdefghij0123456789ABCDEFGHIJ_-x")]
    public void a_code_with_a_space_or_over_32_characters_is_rejected(string code) =>
        Validate(Complete(), code).ShouldRejectFields("code");

    [Fact]
    public void every_missing_field_is_reported_at_once() =>
        RecordCompoundEndpoint.Validate("CP010101", new RecordCompound(null, null, null, null, null, null, null), new CompoundRecording(null, null))
            .ShouldRejectFields("name", "communityCode", "address", "households", "stage", "ownersCommittee.formed");

    [Fact]
    public void a_compound_needs_a_name() =>
        Validate(Complete() with { Name = "  " }).ShouldRejectField("name", "Required");

    [Fact]
    public void a_community_the_directory_does_not_know_is_rejected() =>
        RecordCompoundEndpoint.Validate("CP010101", Complete() with { CommunityCode = "CM9999" }, new CompoundRecording(null, Hengxin))
            .ShouldRejectField("communityCode", "No such entry: CM9999.");

    [Fact]
    public void a_property_company_the_directory_does_not_know_is_rejected() =>
        RecordCompoundEndpoint.Validate("CP010101", Complete() with { PropertyCompanyCode = "PC99" }, new CompoundRecording(Dongguan, null))
            .ShouldRejectField("propertyCompanyCode", "No such entry: PC99.");

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void households_must_be_given_from_0_to_100000(int? households) =>
        Validate(Complete() with { Households = households }).ShouldRejectField("households", "0 to 100000");

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void households_at_either_end_of_the_range_are_accepted(int households) =>
        Validate(Complete() with { Households = households }).ShouldBeNoProblem();

    [Fact]
    public void an_unknown_stage_is_rejected() =>
        Validate(Complete() with { Stage = (CompoundStage)9 }).ShouldRejectField("stage", "Not a valid value");

    [Fact]
    public void whether_a_committee_is_formed_must_be_said() =>
        Validate(Complete() with { OwnersCommittee = new OwnersCommitteeInput(null, null, null, null) })
            .ShouldRejectField("ownersCommittee.formed", "Required");

    [Theory]
    [InlineData(null, null)]
    [InlineData("2023-05-01", null)]
    [InlineData(null, "2028-04-30")]
    public void a_formed_committee_needs_the_start_and_end_of_its_term(string? starts, string? ends) =>
        Validate(Complete() with { OwnersCommittee = new OwnersCommitteeInput(true, Date(starts), Date(ends), null) })
            .ShouldRejectField("ownersCommittee", "needs its term's start and end");

    [Fact]
    public void a_committee_not_formed_has_no_term() =>
        Validate(Complete() with { OwnersCommittee = new OwnersCommitteeInput(false, new DateOnly(2023, 5, 1), null, null) })
            .ShouldRejectField("ownersCommittee", "has no term");

    [Theory]
    [InlineData("2028-04-30", "2023-05-01")]
    [InlineData("2023-05-01", "2023-05-01")]
    public void a_term_must_end_after_it_starts(string starts, string ends) =>
        Validate(Complete() with { OwnersCommittee = new OwnersCommitteeInput(true, Date(starts), Date(ends), null) })
            .ShouldRejectField("ownersCommittee.termEndsOn", "must end after it starts");

    [Fact]
    public void a_compound_under_construction_has_no_owners_committee_yet() =>
        Validate(Complete() with { Stage = CompoundStage.UnderConstruction })
            .ShouldRejectField("ownersCommittee", "under construction");

    [Fact]
    public void a_compound_under_construction_without_a_committee_is_accepted() =>
        Validate(Complete() with { Stage = CompoundStage.UnderConstruction, OwnersCommittee = NotFormed }).ShouldBeNoProblem();

    [Fact]
    public void a_new_compound_is_registered()
    {
        var (recorded, change) = Decide(GardenInfo(), existing: null);

        recorded.ShouldBeRecorded("CP010101", 1, created: true);
        change.ShouldBe(new CompoundRegistered(Id, "CP010101", GardenInfo(), Users.AdminActor, Now));
    }

    [Fact]
    public void a_move_to_a_community_of_another_sub_district_changes_both_codes()
    {
        var (recorded, change) = Decide(GardenInfo() with { CommunityCode = "CM0201", SubDistrictCode = "SD02" }, Garden());

        recorded.ShouldBeRecorded("CP010101", 2, created: false, "communityCode", "subDistrictCode");
        var revised = change.ShouldBeOfType<CompoundRevised>();
        revised.ShouldBe(new CompoundRevised(
            Id, "CP010101", GardenInfo() with { CommunityCode = "CM0201", SubDistrictCode = "SD02" }, revised.Changed, Users.AdminActor, Now));
        revised.Changed.ShouldBe(["communityCode", "subDistrictCode"]);
    }

    [Fact]
    public void a_committee_dissolved_and_the_company_gone_are_named_as_changed()
    {
        var (recorded, change) = Decide(
            GardenInfo() with { PropertyCompanyCode = null, OwnersCommittee = new OwnersCommittee(false, null, null, null) }, Garden());

        recorded.ShouldBeRecorded("CP010101", 2, created: false, "propertyCompanyCode", "ownersCommittee");
        change.ShouldBeOfType<CompoundRevised>().Info.OwnersCommittee.ShouldBe(new OwnersCommittee(false, null, null, null));
    }

    [Fact]
    public void the_same_values_again_record_nothing()
    {
        var (recorded, change) = Decide(GardenInfo(), Garden());

        change.ShouldBeNull();
        recorded.ShouldBeRecorded("CP010101", 1, created: false);
    }

    [Fact]
    public void a_revision_folds_into_the_compound_with_its_version()
    {
        var compound = Compound.Create(new CompoundRegistered(Id, "CP010101", GardenInfo(), Users.ClerkActor, Registered));

        compound.Version.ShouldBe(1);

        compound = compound.Apply(new CompoundRevised(Id, "CP010101", GardenInfo() with { Households = 330 }, ["households"], Users.AdminActor, Now));

        compound.Info.Households.ShouldBe(330);
        compound.Version.ShouldBe(2);
        compound.UpdatedAt.ShouldBe(Now);
        compound.UpdatedBy.ShouldBe(Users.AdminActor);
    }

    private static DateOnly? Date(string? iso) =>
        iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
