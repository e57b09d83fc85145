using Shouldly;
using Whistle.County.Directory;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Directory;

public class RecordDepartmentTests
{
    private static readonly Guid Id = DirectoryIds.Department("chengguan");
    private static readonly DateTimeOffset Registered = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    private static RecordDepartment Complete() => new(
        " 县城市管理局 ", " Urban Management ", [" 违法建设（乱搭乱建）查处 ", "占道经营、乱堆乱放查处"],
        " 孙队长 ", " 0371-6881 2901 ", " 0371-6881 2999 ");

    private static DepartmentInfo ChengguanInfo() => new(
        "县城市管理局", "Urban Management", ["违法建设（乱搭乱建）查处", "占道经营、乱堆乱放查处"], "孙队长", "0371-6881 2901", "0371-6881 2999");

    private static Department Chengguan() =>
        Given<Department>(new DepartmentRegistered(Id, "chengguan", ChengguanInfo(), Users.AdminActor, Registered));

    private static (DirectoryRecorded Result, object? Change) Decide(DepartmentInfo info, Department? existing) =>
        DirectoryRecording.Decide(
            "chengguan", info, existing?.Info, existing?.Version ?? 0,
            i => new DepartmentRegistered(Id, "chengguan", i, Users.AdminActor, Now),
            (i, changed) => new DepartmentRevised(Id, "chengguan", i, changed, Users.AdminActor, Now));

    private static string[] Items(int count) => [.. Enumerable.Range(1, count).Select(i => $"执法事项 {i}")];

    [Fact]
    public void a_complete_department_passes_validation() =>
        RecordDepartmentEndpoint.Validate("chengguan", Complete()).ShouldBeNoProblem();

    [Theory]
    [InlineData("a b")]
    [InlineData("abcdefghij0123456789ABCDEFGHIJ_-x")]
    public void a_code_with_a_space_or_over_32_characters_is_rejected(string code) =>
        RecordDepartmentEndpoint.Validate(code, Complete()).ShouldRejectFields("code");

    [Fact]
    public void every_missing_field_is_reported_at_once() =>
        RecordDepartmentEndpoint.Validate("chengguan", new RecordDepartment(null, null, null, null, null, null))
            .ShouldRejectFields("name", "nameEn", "enforcementItems", "contactPerson", "contactPhone", "supervisionHotline");

    [Fact]
    public void a_department_enforces_at_least_one_item() =>
        RecordDepartmentEndpoint.Validate("chengguan", Complete() with { EnforcementItems = [] })
            .ShouldRejectField("enforcementItems", "List 1 to 50");

    [Fact]
    public void a_department_lists_at_most_50_items()
    {
        RecordDepartmentEndpoint.Validate("chengguan", Complete() with { EnforcementItems = Items(51) })
            .ShouldRejectField("enforcementItems", "List 1 to 50");
        RecordDepartmentEndpoint.Validate("chengguan", Complete() with { EnforcementItems = Items(50) }).ShouldBeNoProblem();
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(null)]
    public void an_empty_item_is_rejected(string? item) =>
        RecordDepartmentEndpoint.Validate("chengguan", Complete() with { EnforcementItems = ["违法建设查处", item!] })
            .ShouldRejectField("enforcementItems", "must be non-empty");

    [Fact]
    public void an_item_is_at_most_200_characters() =>
        RecordDepartmentEndpoint.Validate("chengguan", Complete() with { EnforcementItems = [new string('查', 201)] })
            .ShouldRejectField("enforcementItems", "at most 200 characters");

    [Fact]
    public void a_new_department_is_registered_with_its_items()
    {
        var (recorded, change) = Decide(ChengguanInfo(), existing: null);

        recorded.ShouldBeRecorded("chengguan", 1, created: true);
        var registered = change.ShouldBeOfType<DepartmentRegistered>();
        registered.DepartmentId.ShouldBe(Id);
        registered.Code.ShouldBe("chengguan");
        registered.Info.EnforcementItems.ShouldBe(["违法建设（乱搭乱建）查处", "占道经营、乱堆乱放查处"]);
        registered.By.ShouldBe(Users.AdminActor);
        registered.At.ShouldBe(Now);
    }

    [Fact]
    public void a_new_item_and_hotline_revise_the_department()
    {
        var info = ChengguanInfo() with
        {
            EnforcementItems = ["违法建设（乱搭乱建）查处", "占道经营、乱堆乱放查处", "毁绿种菜查处"], SupervisionHotline = "12319",
        };

        var (recorded, change) = Decide(info, Chengguan());

        recorded.ShouldBeRecorded("chengguan", 2, created: false, "enforcementItems", "supervisionHotline");
        var revised = change.ShouldBeOfType<DepartmentRevised>();
        revised.Info.ShouldBeSameAs(info);
        revised.Changed.ShouldBe(["enforcementItems", "supervisionHotline"]);
        revised.By.ShouldBe(Users.AdminActor);
        revised.At.ShouldBe(Now);
    }

    [Fact]
    public void the_same_items_in_a_new_list_record_nothing()
    {
        var (recorded, change) = Decide(ChengguanInfo(), Chengguan());

        change.ShouldBeNull();
        recorded.ShouldBeRecorded("chengguan", 1, created: false);
    }

    [Fact]
    public void a_revision_folds_into_the_department_with_its_version()
    {
        var department = Department.Create(new DepartmentRegistered(Id, "chengguan", ChengguanInfo(), Users.ClerkActor, Registered));

        department.Version.ShouldBe(1);

        department = department.Apply(new DepartmentRevised(
            Id, "chengguan", ChengguanInfo() with { SupervisionHotline = "12319" }, ["supervisionHotline"], Users.AdminActor, Now));

        department.Info.SupervisionHotline.ShouldBe("12319");
        department.Info.EnforcementItems.ShouldBe(["违法建设（乱搭乱建）查处", "占道经营、乱堆乱放查处"]);
        department.Version.ShouldBe(2);
        department.UpdatedAt.ShouldBe(Now);
        department.UpdatedBy.ShouldBe(Users.AdminActor);
    }
}
