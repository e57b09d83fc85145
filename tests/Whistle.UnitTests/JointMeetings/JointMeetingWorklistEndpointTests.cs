using Whistle.JointMeetings.Worklist;
using Xunit;

namespace Whistle.UnitTests.JointMeetings;

/// <summary>The worklist's filters: kinds and levels by name (any case), codes as the directory writes them; else 400.</summary>
public class JointMeetingWorklistEndpointTests
{
    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("Overdue", "JointMeeting", "chengguan", "SD01")]
    [InlineData("awaitingruling", "countysupervision", "zhu-jian_2", "sd02")]
    public void well_formed_filters_pass(string? kind, string? level, string? department, string? subDistrict) =>
        JointMeetingWorklistEndpoint.Validate(kind, level, department, subDistrict).ShouldBeNoProblem();

    [Theory]
    [InlineData("3", null, null, null, "kind")]
    [InlineData("Late", null, null, null, "kind")]
    [InlineData(null, "4", null, null, "level")]
    [InlineData(null, "County", null, null, "level")]
    [InlineData(null, null, "城管", null, "department")]
    [InlineData(null, null, null, "SD 01", "subDistrictCode")]
    public void a_malformed_filter_is_400_naming_it(string? kind, string? level, string? department, string? subDistrict, string field) =>
        JointMeetingWorklistEndpoint.Validate(kind, level, department, subDistrict).ShouldRejectFields(field);
}
