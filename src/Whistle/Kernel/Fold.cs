using System.Collections.Concurrent;
using System.Reflection;

namespace Whistle.Kernel;

/// <summary>A write model folded from its stream: an immutable record whose <c>Apply</c> methods return its next state.</summary>
public interface IWriteModel<out TSelf> where TSelf : class
{
    /// <summary>The stream version the state stands at.</summary>
    long Version { get; }

    /// <summary>The same state at another version (<c>this with { Version = version }</c>).</summary>
    TSelf AtVersion(long version);
}

/// <summary>
/// Folds events a decision has just returned onto the state it decided on, through the write model's own public
/// <c>Apply</c> methods, one version per event, as Marten will when it loads the stream again: what a command answers
/// with. An event the write model has no <c>Apply</c> for throws, as Marten's fold would.
/// </summary>
public static class Fold
{
    private static readonly ConcurrentDictionary<(Type Model, Type Event), MethodInfo> Applies = new();

    public static T After<T>(this T state, IEnumerable<object> events) where T : class, IWriteModel<T> =>
        events.Aggregate(state, (current, e) => ((T)ApplyOf(typeof(T), e.GetType()).Invoke(current, [e])!).AtVersion(current.Version + 1));

    private static MethodInfo ApplyOf(Type model, Type @event) => Applies.GetOrAdd((model, @event), key =>
        key.Model.GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [key.Event]) is { } apply && apply.ReturnType == key.Model
            ? apply
            : throw new InvalidOperationException($"{key.Model.Name} has no Apply for {key.Event.Name}."));
}
