using Shouldly;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.Architecture;

public class ArchitectureTests
{
    // Notifications is no case capability, but its arrows are checked as theirs are: the county data and the kernel know it not.
    private static readonly string[] CaseCapabilities =
        ["Complaints", "Whistles", "FeeDisputes", "Mediation", "Cases", "Notifications", "JointMeetings", "Assessment", "History"];

    private static readonly ArchitectureRules Whistle = new(typeof(Scope).Assembly, "Whistle", CaseCapabilities);

    private static readonly ArchitectureRules Broken = new(
        typeof(ArchitectureTests).Assembly, "Whistle.UnitTests.Architecture.Fixture", ["Complaints", "Whistles"]);

    [Fact]
    public void whistle_keeps_every_rule() => Whistle.Violations().ShouldBeEmpty();

    [Fact]
    public void the_arrows_between_capabilities_are_the_documented_ones() =>
        Whistle.Arrows().Where(a => a.To != ArchitectureRules.Kernel).Select(a => $"{a.From} -> {a.To}").Order().ShouldBe(
        [
            "Assessment -> Complaints", "Assessment -> County", "Assessment -> FeeDisputes", "Assessment -> Mediation", "Assessment -> Whistles",
            "Cases -> Complaints", "Cases -> FeeDisputes", "Cases -> Mediation",
            "Complaints -> County",
            "FeeDisputes -> Complaints", "FeeDisputes -> County", "FeeDisputes -> Mediation",
            "History -> Assessment", "History -> Complaints", "History -> County", "History -> FeeDisputes", "History -> JointMeetings",
            "History -> Mediation", "History -> Whistles",
            "JointMeetings -> County", "JointMeetings -> Whistles",
            "Mediation -> Complaints", "Mediation -> County",
            "Notifications -> Complaints", "Notifications -> County", "Notifications -> Whistles",
            "Whistles -> Complaints", "Whistles -> County",
        ]);

    /// <summary>Notifications listens to the others' events; only the host, which wires it, references it.</summary>
    [Fact]
    public void nothing_but_the_host_references_notifications() =>
        Whistle.Arrows().Where(a => a.To == "Notifications").ShouldBeEmpty();

    [Fact]
    public void a_reference_to_the_host_wiring_is_found() =>
        Broken.ReferencesToTheHost().ShouldBe(["Whistle.UnitTests.Architecture.Fixture.Complaints.Escalation references the host wiring"]);

    [Fact]
    public void county_data_referencing_a_case_capability_is_found() =>
        Broken.CountyReferencesToCases().ShouldBe(
        [
            "Whistle.UnitTests.Architecture.Fixture.County.Catalogue (county data) references Whistle.UnitTests.Architecture.Fixture.Complaints",
        ]);

    [Fact]
    public void two_capabilities_importing_each_other_are_found() =>
        Broken.Cycles().ShouldBe(["capabilities import each other: Complaints -> Whistles -> Complaints"]);

    [Fact]
    public void a_write_side_reading_a_read_model_is_found_even_inside_an_async_body_and_a_recorded_read_is_not() =>
        Broken.WritesReadingReadModels().ShouldBe(
            ["Whistle.UnitTests.Architecture.Fixture.Complaints.ResolveComplaintHandler (write side) reads a read model"]);
}
