using System.Reflection;
using JasperFx.Events;

namespace Whistle.UnitTests;

/// <summary>
/// Given past events, builds state the way Marten does: a write model through its own static <c>Create</c> and
/// <c>Apply</c> overloads, a projection through its static <c>Create(IEvent&lt;T&gt;)</c> and
/// <c>Apply(IEvent&lt;T&gt;, doc)</c>. An event nothing can apply throws, so no test silently skips history.
/// </summary>
public static class EventSpecification
{
    /// <summary>The business time every decision under test runs at.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(8));

    /// <summary>Folds the stream through the write model and sets its version, as Marten does in production.</summary>
    public static T Given<T>(params object[] events) where T : class
    {
        if (events.Length == 0) throw new ArgumentException("A stream starts with at least one event.", nameof(events));
        var state = (T)Find(typeof(T), "Create", events[0].GetType()).Invoke(null, [events[0]])!;
        foreach (var e in events.Skip(1))
        {
            var apply = Find(typeof(T), "Apply", e.GetType());
            var next = apply.Invoke(state, [e]);
            if (apply.ReturnType == typeof(T)) state = (T)next!;   // an immutable write model returns its next state
        }
        typeof(T).GetProperty("Version")?.SetValue(state, (long)events.Length);
        return state;
    }

    /// <summary>Folds the stream through a projection; event versions count from 1, as in the stream.</summary>
    public static TDocument Project<TProjection, TDocument>(params object[] events) where TDocument : class
    {
        if (events.Length == 0) throw new ArgumentException("A stream starts with at least one event.", nameof(events));
        var wrapped = events.Select((e, i) => Wrap(e, i + 1)).ToList();
        var document = (TDocument)Find(typeof(TProjection), "Create", Of(wrapped[0])).Invoke(null, [wrapped[0]])!;
        foreach (var e in wrapped.Skip(1))
            Find(typeof(TProjection), "Apply", Of(e), typeof(TDocument)).Invoke(null, [e, document]);
        return document;
    }

    /// <summary>An event as Marten hands it to a projection.</summary>
    public static IEvent Wrap(object data, long version)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Version = version;
        return e;
    }

    private static Type Of(IEvent e) => typeof(IEvent<>).MakeGenericType(e.EventType);

    private static MethodInfo Find(Type type, string name, params Type[] parameters) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance, parameters)
        ?? throw new InvalidOperationException(
            $"{type.Name} has no {name}({string.Join(", ", parameters.Select(Describe))}): it cannot fold this event.");

    private static string Describe(Type t) => t.IsGenericType
        ? $"{t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", t.GetGenericArguments().Select(Describe))}>"
        : t.Name;
}
