using Shouldly;
using Whistle.County.Directory;
using Whistle.Kernel;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Directory;

public class DirectoryRecordingTests
{
    private static readonly Guid Id = DirectoryIds.SubDistrict("SD01");

    private static CompoundInfo Garden() => new(
        "东关花园", "CM0101", "SD01", "人民路 1 号", 320, CompoundStage.Delivered, null,
        new OwnersCommittee(true, new DateOnly(2023, 5, 1), new DateOnly(2028, 4, 30), new DateOnly(2026, 10, 12)));

    private static DepartmentInfo Chengguan(params string[] items) =>
        new("县城市管理局", "Urban Management", [.. items], "孙队长", "0371-6881 2901", "0371-6881 2999");

    private static (DirectoryRecorded Result, object? Change) Decide(SubDistrictInfo info, SubDistrictInfo? before, long version) =>
        DirectoryRecording.Decide(
            "SD01", info, before, version,
            i => new SubDistrictRegistered(Id, "SD01", i, Users.AdminActor, Now),
            (i, changed) => new SubDistrictRevised(Id, "SD01", i, changed, Users.AdminActor, Now));

    [Fact]
    public void equal_values_change_no_field() =>
        DirectoryRecording.ChangedFields(Garden(), Garden()).ShouldBeEmpty();

    [Fact]
    public void the_changed_fields_are_named_in_camel_case_in_declaration_order() =>
        DirectoryRecording.ChangedFields(Garden(), Garden() with { PropertyCompanyCode = "PC01", Households = 330 })
            .ShouldBe(["households", "propertyCompanyCode"]);

    [Fact]
    public void a_nested_record_is_compared_by_value()
    {
        var before = Garden();
        var sameCommittee = before with { OwnersCommittee = before.OwnersCommittee with { } };
        var newActivity = before with { OwnersCommittee = before.OwnersCommittee with { LastActivityOn = new DateOnly(2026, 11, 2) } };

        DirectoryRecording.ChangedFields(before, sameCommittee).ShouldBeEmpty();
        DirectoryRecording.ChangedFields(before, newActivity).ShouldBe(["ownersCommittee"]);
    }

    [Fact]
    public void lists_with_the_same_items_are_unchanged_though_they_are_different_lists() =>
        DirectoryRecording.ChangedFields(Chengguan("违法建设查处", "占道经营查处"), Chengguan("违法建设查处", "占道经营查处"))
            .ShouldBeEmpty();

    [Fact]
    public void a_list_with_an_item_added_removed_or_moved_is_changed()
    {
        var before = Chengguan("违法建设查处", "占道经营查处");

        DirectoryRecording.ChangedFields(before, Chengguan("违法建设查处", "占道经营查处", "乱扔垃圾查处")).ShouldBe(["enforcementItems"]);
        DirectoryRecording.ChangedFields(before, Chengguan("违法建设查处")).ShouldBe(["enforcementItems"]);
        DirectoryRecording.ChangedFields(before, Chengguan("占道经营查处", "违法建设查处")).ShouldBe(["enforcementItems"]);
    }

    [Fact]
    public void a_value_set_or_cleared_is_a_change()
    {
        var managed = Garden() with { PropertyCompanyCode = "PC01" };

        DirectoryRecording.ChangedFields(Garden(), managed).ShouldBe(["propertyCompanyCode"]);
        DirectoryRecording.ChangedFields(managed, Garden()).ShouldBe(["propertyCompanyCode"]);
    }

    [Fact]
    public void a_new_code_registers_the_entry_at_version_1()
    {
        var (recorded, change) = Decide(new SubDistrictInfo("城关街道"), before: null, version: 0);

        recorded.ShouldBeRecorded("SD01", 1, created: true);
        change.ShouldBe(new SubDistrictRegistered(Id, "SD01", new SubDistrictInfo("城关街道"), Users.AdminActor, Now));
    }

    [Fact]
    public void the_same_values_again_change_nothing_and_keep_the_version()
    {
        var (recorded, change) = Decide(new SubDistrictInfo("城关街道"), new SubDistrictInfo("城关街道"), version: 4);

        change.ShouldBeNull();
        recorded.ShouldBeRecorded("SD01", 4, created: false);
    }

    [Fact]
    public void a_change_is_one_revision_naming_the_changed_fields_at_the_next_version()
    {
        var (recorded, change) = Decide(new SubDistrictInfo("城关镇"), new SubDistrictInfo("城关街道"), version: 4);

        recorded.ShouldBeRecorded("SD01", 5, created: false, "name");
        var revised = change.ShouldBeOfType<SubDistrictRevised>();
        revised.ShouldBe(new SubDistrictRevised(Id, "SD01", new SubDistrictInfo("城关镇"), revised.Changed, Users.AdminActor, Now));
        revised.Changed.ShouldBe(["name"]);
    }

    [Theory]
    [InlineData("CP010101")]
    [InlineData("mediation-centre")]
    [InlineData("a")]
    [InlineData("A_1")]
    [InlineData("abcdefghij0123456789ABCDEFGHIJ_-")] // 32 characters
    public void a_code_of_letters_digits_dash_and_underscore_up_to_32_is_accepted(string code) =>
        new FieldErrors().CheckCode(code).ToProblem().ShouldBeNoProblem();

    [Theory]
    [InlineData("a b")]
    [InlineData("")]
    [InlineData("-lead")]
    [InlineData("_x")]
    [InlineData("东关")]
    [InlineData("a/b")]
    [InlineData("abcdefghij0123456789ABCDEFGHIJ_-x")] // 33 characters
    public void any_other_code_is_rejected(string code) =>
        new FieldErrors().CheckCode(code).ToProblem().ShouldRejectField("code", "at most 32");

    [Fact]
    public void an_unknown_code_names_the_field_and_the_code() =>
        DirectoryRecording.UnknownCode("communityCode", "社区", "CM9999").ShouldRejectField("communityCode", "No such entry: CM9999.");

    [Fact]
    public void the_actor_is_the_signed_in_user() =>
        DirectoryRecording.By(Users.Admin).ShouldBe(Users.AdminActor);

    [Fact]
    public void a_kind_registers_a_new_code_on_the_stream_named_after_the_kind_and_the_code()
    {
        var (recorded, events) = SubDistrict.Kind.Record("SD01", new SubDistrictInfo("城关街道"), null, Users.AdminActor, Now);

        recorded.ShouldBeRecorded("SD01", 1, created: true);
        SubDistrict.Kind.Id("SD01").ShouldBe(DirectoryIds.SubDistrict("SD01"));
        events.ShouldHaveSingleItem().ShouldBe(new SubDistrictRegistered(Id, "SD01", new SubDistrictInfo("城关街道"), Users.AdminActor, Now));
    }

    [Fact]
    public void a_kind_revises_a_known_entry_at_its_next_version_and_records_nothing_for_the_same_values()
    {
        var entry = SubDistrict.Create(new SubDistrictRegistered(Id, "SD01", new SubDistrictInfo("城关街道"), Users.AdminActor, Now))
            .Apply(new SubDistrictRevised(Id, "SD01", new SubDistrictInfo("城关镇"), ["name"], Users.AdminActor, Now));

        var (revised, changes) = SubDistrict.Kind.Record("SD01", new SubDistrictInfo("城关街道"), entry, Users.AdminActor, Now);
        var (repeated, none) = SubDistrict.Kind.Record("SD01", new SubDistrictInfo("城关镇"), entry, Users.AdminActor, Now);

        revised.ShouldBeRecorded("SD01", 3, created: false, "name");
        changes.ShouldHaveSingleItem().ShouldBeOfType<SubDistrictRevised>().Info.ShouldBe(new SubDistrictInfo("城关街道"));
        repeated.ShouldBeRecorded("SD01", 2, created: false);
        none.ShouldBeEmpty();
    }

    [Fact]
    public void every_directory_event_shows_its_entry_to_the_history_through_the_change_interface() =>
        DirectoryEvents.All.ShouldAllBe(t => t.IsAssignableTo(typeof(IDirectoryChange<object>)));
}
