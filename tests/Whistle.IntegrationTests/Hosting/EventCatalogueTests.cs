using System.Collections;
using System.Reflection;
using JasperFx.Events;
using Marten;
using Shouldly;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// The event catalogue of every stream: each event type a write model or a projection folds is registered with the
/// store, carries who and when, and comes back from the serializer as it went in.
/// </summary>
public sealed class EventCatalogueTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly Assembly Whistle = typeof(Scope).Assembly;

    private StoreOptions Options => (StoreOptions)App.Store.Options;

    private IReadOnlyList<Type> Registered => [.. ((Marten.Events.EventGraph)Options.Events).AllKnownEventTypes().Select(e => e.EventType).Where(t => t.Assembly == Whistle)];

    /// <summary>The events that the write models' and the projections' Create and Apply methods take.</summary>
    private static IReadOnlyList<Type> Folded =>
    [
        .. Whistle.GetTypes()
            .Where(IsFold)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name is "Create" or "Apply" && m.GetParameters().Length > 0)
            .Select(m => m.GetParameters()[0].ParameterType)
            .Select(p => p.IsGenericType && p.GetGenericTypeDefinition() == typeof(IEvent<>) ? p.GetGenericArguments()[0] : p)
            .Where(p => p.Assembly == Whistle && p.IsClass && !p.IsAbstract)
            .Distinct(),
    ];

    /// <summary>A projection, or a write model (a type whose static Create builds it from its first event).</summary>
    private static bool IsFold(Type type) =>
        type.BaseType is { IsGenericType: true } projection
            && projection.GetGenericTypeDefinition().Name is "SingleStreamProjection`2" or "MultiStreamProjection`2"
        || type.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "Create" && m.ReturnType == type);

    [Fact]
    public void every_event_a_write_model_or_a_projection_folds_is_registered() =>
        Folded.Except(Registered).Select(t => t.FullName).ShouldBeEmpty();

    [Fact]
    public void the_catalogue_is_not_empty_and_names_each_stream_s_events() =>
        Registered.Select(t => t.Namespace).Distinct().Order().ShouldBe(
        [
            "Whistle.Assessment.Appeals", "Whistle.Complaints", "Whistle.County.Calendar", "Whistle.County.Catalogue", "Whistle.County.Deadlines",
            "Whistle.County.Directory", "Whistle.County.Staff", "Whistle.FeeDisputes", "Whistle.JointMeetings.Meetings", "Whistle.Mediation",
            "Whistle.Privacy", "Whistle.Whistles",
        ]);

    /// <summary>Who: a person (an <see cref="Actor"/>), or the clock for an event that records time passing.</summary>
    [Fact]
    public void every_event_carries_who_and_when() =>
        Registered.Where(t => !(HasProperty(t, typeof(Actor)) || typeof(IRecordsTimePassing).IsAssignableFrom(t))
                || !HasProperty(t, typeof(DateTimeOffset)))
            .Select(t => t.FullName).ShouldBeEmpty();

    [Fact]
    public void every_event_round_trips_through_the_stores_serializer()
    {
        var serializer = Options.Serializer();
        foreach (var type in Registered)
        {
            var sample = Sample(type, depth: 0)!;
            var json = serializer.ToJson(sample);
            var back = serializer.FromJson(type, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
            serializer.ToJson(back).ShouldBe(json, type.FullName);
        }
    }

    private static bool HasProperty(Type type, Type propertyType) =>
        type.GetProperties().Any(p => p.PropertyType == propertyType || Nullable.GetUnderlyingType(p.PropertyType) == propertyType);

    /// <summary>A value of the type with every member filled, so that a member the serializer drops shows.</summary>
    private static object? Sample(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return Sample(underlying, depth);
        if (type == typeof(string)) return "样例 sample";
        if (type == typeof(Guid)) return Guid.Parse("019c0a10-2000-7000-8000-0000000000a1");
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.FromHours(8));
        if (type == typeof(DateOnly)) return new DateOnly(2026, 12, 4);
        if (type == typeof(TimeSpan)) return TimeSpan.FromHours(2);
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return Convert.ChangeType(7, type, System.Globalization.CultureInfo.InvariantCulture);
        if (type == typeof(decimal)) return 1234.56m;
        if (type == typeof(double)) return 0.75d;
        if (type == typeof(bool)) return true;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1);
        if (depth > 6) return null;
        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(Sample(type.GetElementType()!, depth + 1), 0);
            return array;
        }
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var args = type.GetGenericArguments();
            if (args.Length == 2)
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
                dictionary.Add(Sample(args[0], depth + 1)!, Sample(args[1], depth + 1));
                return dictionary;
            }
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args[0]))!;
            list.Add(Sample(args[0], depth + 1));
            return type.IsAssignableFrom(list.GetType()) ? list : Activator.CreateInstance(type, list);
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Sample(p.ParameterType, depth + 1))]);
    }
}
