using System.Reflection;
using System.Text.Json;
using JasperFx.Events;
using Shouldly;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Whistle.Mediation;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class FeeDisputeEventTypesTests
{
    /// <summary>One of each event of the stream, in the order of <see cref="FeeDisputeEventTypes.All"/>.</summary>
    private static readonly object[] OneOfEach =
    [
        Raised(), ReasonsRecorded(OwnerReason.ServiceDefect), Demanded(new DateOnly(2026, 2, 20)), Paid(100m, 2300m), Waived(300m, 2000m),
        PlanAgreed(), InstalmentPaid(1), Missed(2), Defaulted(2), Completed(), ReferredToMediation(), MediationEnded(MediationResult.Failed),
        CreditReferred(), CreditWithdrawn(), ReferredToCourt(), DefectResolved(),
    ];

    public static TheoryData<Type> AfterTheFirst => [.. FeeDisputeEventTypes.All.Skip(1)];

    [Fact]
    public void the_list_names_every_event_of_the_stream_once_the_raising_first()
    {
        FeeDisputeEventTypes.All[0].ShouldBe(typeof(FeeDisputeRaised));
        FeeDisputeEventTypes.All.ShouldBeUnique();
        OneOfEach.Select(e => e.GetType()).ShouldBe(FeeDisputeEventTypes.All);
        typeof(FeeDisputeRaised).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(FeeDispute).Namespace && t.GetProperty("FeeDisputeId") is not null && !typeof(ITimePassed).IsAssignableFrom(t))
            .ShouldBe(FeeDisputeEventTypes.All, ignoreOrder: true);
    }

    [Fact]
    public void the_write_model_and_the_details_start_from_the_raising()
    {
        typeof(FeeDispute).GetMethod(nameof(FeeDispute.Create), [typeof(FeeDisputeRaised)]).ShouldNotBeNull();
        typeof(FeeDisputeDetailsProjection).GetMethod(nameof(FeeDisputeDetailsProjection.Create), [typeof(IEvent<FeeDisputeRaised>)]).ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(AfterTheFirst))]
    public void the_write_model_applies_every_event_after_the_first(Type type) =>
        typeof(FeeDispute).GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [type]).ShouldNotBeNull()
            .ReturnType.ShouldBe(typeof(FeeDispute));

    [Theory]
    [MemberData(nameof(AfterTheFirst))]
    public void the_details_projection_applies_every_event_after_the_first(Type type) =>
        typeof(FeeDisputeDetailsProjection).GetMethod(
                "Apply", BindingFlags.Public | BindingFlags.Static, [typeof(IEvent<>).MakeGenericType(type), typeof(FeeDisputeDetails)])
            .ShouldNotBeNull();

    [Fact]
    public void a_commands_answer_folds_every_event_after_the_first_one_version_on_each()
    {
        var raised = DisputeAfter(Raised());

        foreach (var e in OneOfEach.Skip(1)) raised.After([e]).Version.ShouldBe(2L, e.GetType().Name);
        JsonSerializer.Serialize(raised.After(OneOfEach.Skip(1))).ShouldBe(JsonSerializer.Serialize(DisputeAfter(OneOfEach)), "answers fold as the stream does");
    }
}
