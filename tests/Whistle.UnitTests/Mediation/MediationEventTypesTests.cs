using System.Reflection;
using JasperFx.Events;
using Shouldly;
using Whistle.Mediation;
using Xunit;

namespace Whistle.UnitTests.Mediation;

/// <summary>The one list of a mediation case's events: each is folded by the write model and by the details projection.</summary>
public class MediationEventTypesTests
{
    private const BindingFlags Public = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance;

    public static TheoryData<Type> FollowingEvents => [.. MediationEventTypes.All.Skip(1)];

    [Fact]
    public void the_stream_opens_with_the_case_opening_and_each_event_is_listed_once()
    {
        MediationEventTypes.All[0].ShouldBe(typeof(MediationCaseOpened));
        MediationEventTypes.All.ShouldBeUnique();
        MediationEventTypes.All.ShouldAllBe(t => t.Namespace == "Whistle.Mediation" && t.IsSealed);
    }

    [Fact]
    public void both_folds_start_from_the_opening()
    {
        typeof(MediationCase).GetMethod("Create", Public, [typeof(MediationCaseOpened)]).ShouldNotBeNull();
        typeof(MediationCaseDetailsProjection).GetMethod("Create", Public, [typeof(IEvent<MediationCaseOpened>)]).ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(FollowingEvents))]
    public void the_write_model_applies_it_and_returns_its_next_state(Type eventType) =>
        typeof(MediationCase).GetMethod("Apply", Public, [eventType]).ShouldNotBeNull().ReturnType.ShouldBe(typeof(MediationCase));

    [Theory]
    [MemberData(nameof(FollowingEvents))]
    public void the_details_projection_applies_it(Type eventType) =>
        typeof(MediationCaseDetailsProjection)
            .GetMethod("Apply", Public, [typeof(IEvent<>).MakeGenericType(eventType), typeof(MediationCaseDetails)]).ShouldNotBeNull();

    [Fact]
    public void nothing_outside_the_list_is_folded()
    {
        var folded = typeof(MediationCase).GetMethods(Public).Where(m => m.Name is "Create" or "Apply")
            .Select(m => m.GetParameters()[0].ParameterType);
        var projected = typeof(MediationCaseDetailsProjection).GetMethods(Public).Where(m => m.Name is "Create" or "Apply")
            .Select(m => m.GetParameters()[0].ParameterType.GetGenericArguments()[0]);

        folded.ShouldBe(MediationEventTypes.All, ignoreOrder: true);
        projected.ShouldBe(MediationEventTypes.All, ignoreOrder: true);
    }
}
