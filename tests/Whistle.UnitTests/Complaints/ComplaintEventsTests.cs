using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.Complaints;

/// <summary>The catalogue of complaint events: each carries stream id, actor and time, and every fold knows it.</summary>
public class ComplaintEventsTests
{
    private static readonly Type[] Catalogue = typeof(ComplaintLodged).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(ComplaintLodged).Namespace
            && t.GetProperty("ComplaintId")?.PropertyType == typeof(Guid)
            && t.GetProperty("By")?.PropertyType == typeof(Actor)
            && t.GetProperty("At")?.PropertyType == typeof(DateTimeOffset)
            && !t.Name.EndsWith("Notice", StringComparison.Ordinal)
            && t != typeof(CiteComplaint) && t != typeof(WhistleConclusionReached))
        .ToArray();

    [Fact]
    public void the_catalogue_holds_every_complaint_event() =>
        Catalogue.Select(t => t.Name).ShouldBe(
            [
                nameof(ComplaintLodged), nameof(ComplaintAccepted), nameof(ComplaintDeclined), nameof(ComplaintNoteAdded),
                nameof(ComplaintResolved), nameof(ComplaintFollowUpRecorded), nameof(ComplaintClosed),
                nameof(ComplaintReopened), nameof(ComplaintWithdrawn), nameof(ComplaintMarkedDuplicate),
                nameof(ComplaintLinked), nameof(ComplaintWhistled), nameof(ComplaintWhistleConcluded), nameof(ComplaintCited),
            ],
            ignoreOrder: true);

    [Fact]
    public void the_write_model_applies_every_event_after_the_first() =>
        Catalogue.Where(t => t != typeof(ComplaintLodged))
            .Where(t => typeof(Complaint).GetMethod(nameof(Complaint.Apply), [t]) is null)
            .Select(t => t.Name)
            .ShouldBeEmpty();

    [Fact]
    public void the_details_projection_applies_every_event_after_the_first() =>
        Catalogue.Where(t => t != typeof(ComplaintLodged))
            .Where(t => typeof(ComplaintDetailsProjection).GetMethod(
                "Apply", [typeof(JasperFx.Events.IEvent<>).MakeGenericType(t), typeof(ComplaintDetails)]) is null)
            .Select(t => t.Name)
            .ShouldBeEmpty();
}
