using System.Runtime.CompilerServices;
using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

/// <summary>
/// The catalogue of complaint events: each carries stream id, actor (or is the clock's: time passing) and time, and
/// every fold knows it.
/// </summary>
public class ComplaintEventsTests
{
    private static readonly IReadOnlyList<Type> Catalogue = ComplaintEventTypes.All;

    /// <summary>
    /// Every type of the events file's shape (a record of the Complaints namespace carrying the complaint id, the actor
    /// — or recording time passing — and the time) that is not a message the capability accepts or sends: a new event
    /// missing from the list shows up here.
    /// </summary>
    private static readonly Type[] ShapedLikeEvents = typeof(ComplaintLodged).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(ComplaintLodged).Namespace
            && t.GetProperty("ComplaintId")?.PropertyType == typeof(Guid)
            && (t.GetProperty("By")?.PropertyType == typeof(Actor) || typeof(IRecordsTimePassing).IsAssignableFrom(t))
            && t.GetProperty("At")?.PropertyType == typeof(DateTimeOffset))
        .Except([typeof(CiteComplaint), typeof(ComplaintResolvedNotice), typeof(WhistleConclusionReached), typeof(RecordComplaintLink)])
        .ToArray();

    [Fact]
    public void the_catalogue_holds_every_complaint_event() =>
        Catalogue.Select(t => t.Name).ShouldBe(
            [
                nameof(ComplaintLodged), nameof(ComplaintAccepted), nameof(ComplaintDeclined), nameof(ComplaintNoteAdded),
                nameof(ComplaintResolved), nameof(ComplaintFollowUpRecorded), nameof(ComplaintClosed),
                nameof(ComplaintReopened), nameof(ComplaintWithdrawn), nameof(ComplaintMarkedDuplicate),
                nameof(ComplaintLinked), nameof(ComplaintWhistled), nameof(ComplaintWhistleConcluded), nameof(ComplaintCited),
                nameof(ComplaintWhistleReassigned), nameof(ComplaintReminderSent), nameof(ComplaintOverdue),
            ],
            ignoreOrder: true);

    [Fact]
    public void every_type_shaped_like_a_complaint_event_is_in_the_catalogue() =>
        ShapedLikeEvents.Except(Catalogue).Select(t => t.Name).ShouldBeEmpty();

    [Fact]
    public void every_event_in_the_catalogue_carries_the_complaint_id_the_actor_and_the_time() =>
        Catalogue.Except(ShapedLikeEvents).Select(t => t.Name).ShouldBeEmpty();

    [Fact]
    public void the_catalogue_lists_each_event_once() =>
        Catalogue.Distinct().Count().ShouldBe(Catalogue.Count);

    [Fact]
    public void the_write_model_applies_every_event_after_the_first() =>
        Catalogue.Where(t => t != typeof(ComplaintLodged))
            .Where(t => typeof(Complaint).GetMethod(nameof(Complaint.Apply), [t]) is not { } apply || apply.ReturnType != typeof(Complaint))
            .Select(t => t.Name)
            .ShouldBeEmpty();

    [Fact]
    public void a_command_answer_folds_every_event_after_the_first_as_marten_does()
    {
        var lodged = Given<Complaint>(ComplaintHistory.Lodged());
        foreach (var type in Catalogue.Where(t => t != typeof(ComplaintLodged)))
        {
            // Field values do not matter here, only that the answer's fold knows the event type.
            var e = RuntimeHelpers.GetUninitializedObject(type);
            lodged.After([e]).Version.ShouldBe(2, type.Name);
        }
    }

    [Fact]
    public void the_details_projection_applies_every_event_after_the_first() =>
        Catalogue.Where(t => t != typeof(ComplaintLodged))
            .Where(t => typeof(ComplaintDetailsProjection).GetMethod(
                "Apply", [typeof(JasperFx.Events.IEvent<>).MakeGenericType(t), typeof(ComplaintDetails)]) is null)
            .Select(t => t.Name)
            .ShouldBeEmpty();
}

/// <summary>ComplaintsSetup hands the catalogue to Marten, so every complaint event type is known to the store up front.</summary>
public class ComplaintEventRegistrationTests
{
    [Fact]
    public void the_complaints_setup_registers_every_complaint_event_with_marten()
    {
        var options = new Marten.StoreOptions();

        ComplaintsSetup.Configure(options);

        ((Marten.IReadOnlyStoreOptions)options).Events.AllKnownEventTypes().Select(e => e.EventType)
            .Where(t => t != typeof(JasperFx.Events.Archived))   // Marten's own
            .ShouldBe(ComplaintEventTypes.All, ignoreOrder: true);
    }
}
