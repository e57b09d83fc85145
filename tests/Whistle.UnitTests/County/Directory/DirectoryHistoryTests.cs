using Shouldly;
using Whistle.County.Directory;
using Xunit;

namespace Whistle.UnitTests.County.Directory;

public class DirectoryHistoryTests
{
    private static readonly DirectoryVersion First = new(
        1, "sub_district_registered", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8)), Users.AdminActor, [],
        new SubDistrictInfo("城关街道"));

    private static readonly DirectoryVersion Second = new(
        2, "sub_district_revised", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), Users.AdminActor, ["name"],
        new SubDistrictInfo("城关镇"));

    private static readonly IReadOnlyList<DirectoryVersion> Versions = [First, Second];

    [Fact]
    public void without_as_of_every_version_is_returned_oldest_first() =>
        DirectoryHistoryEndpoint.Get(null, Versions).ShouldBe([First, Second]);

    [Theory]
    [InlineData("2026-01-05T09:00:00+08:00", 1)]  // the moment the entry was registered
    [InlineData("2026-02-01T00:00:00+08:00", 1)]
    [InlineData("2026-03-02T08:59:59+08:00", 1)]
    [InlineData("2026-03-02T09:00:00+08:00", 2)]  // the moment of the revision
    [InlineData("2026-03-02T01:00:00Z", 2)]
    [InlineData("2026-03-02T01:00:00", 2)]        // without an offset, UTC
    [InlineData("2026-03-02T00:59:59", 1)]
    [InlineData("2027-01-01T00:00:00+08:00", 2)]
    public void as_of_a_moment_only_the_version_then_in_force_is_returned(string asOf, long version) =>
        DirectoryHistoryEndpoint.Get(asOf, Versions).ShouldHaveSingleItem().Version.ShouldBe(version);

    [Theory]
    [InlineData("2026-01-05T08:59:59+08:00")]
    [InlineData("2025-12-31T00:00:00Z")]
    public void before_the_first_version_there_is_nothing(string asOf) =>
        DirectoryHistoryEndpoint.Get(asOf, Versions).ShouldBeEmpty();

    [Fact]
    public void an_entry_with_no_versions_is_404() =>
        DirectoryHistoryEndpoint.Validate("sub-districts", "SD09", null, []).ShouldBeNotFound();

    [Fact]
    public void an_as_of_that_is_not_a_time_is_rejected() =>
        DirectoryHistoryEndpoint.Validate("sub-districts", "SD01", "last tuesday", Versions).ShouldRejectField("asOf", "Not an ISO 8601 time");

    [Theory]
    [InlineData(null)]
    [InlineData("2026-02-01T00:00:00+08:00")]
    public void a_known_entry_with_a_valid_or_no_as_of_passes_validation(string? asOf) =>
        DirectoryHistoryEndpoint.Validate("sub-districts", "SD01", asOf, Versions).ShouldBeNoProblem();

    [Fact]
    public void each_plural_kind_of_the_route_stands_for_a_stream_kind() =>
        DirectoryHistoryEndpoint.Kinds.ShouldBe(new Dictionary<string, string>
        {
            ["sub-districts"] = "sub-district",
            ["communities"] = "community",
            ["compounds"] = "compound",
            ["property-companies"] = "property-company",
            ["departments"] = "department",
        }, ignoreOrder: true);
}
