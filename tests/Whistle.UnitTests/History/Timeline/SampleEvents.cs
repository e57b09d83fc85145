using System.Reflection;

namespace Whistle.UnitTests.History.Timeline;

/// <summary>An instance of any event record, every field filled with a plain value, so that each type's sentence can be asked for.</summary>
internal static class SampleEvents
{
    public static object Of(Type type) => Value(type)!;

    private static object? Value(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Value(underlying);
        if (type == typeof(string)) return "x";
        if (type == typeof(Guid)) return Guid.Parse("0193a000-0000-7000-8000-000000000001");
        if (type == typeof(DateTimeOffset)) return EventSpecification.Now;
        if (type == typeof(DateOnly)) return new DateOnly(2026, 11, 27);
        if (type == typeof(int)) return 1;
        if (type == typeof(long)) return 1L;
        if (type == typeof(decimal)) return 1m;
        if (type == typeof(double)) return 0.5;
        if (type == typeof(bool)) return false;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyList<>) || generic == typeof(IReadOnlyCollection<>) || generic == typeof(IEnumerable<>)))
        {
            var element = type.GetGenericArguments()[0];
            var array = Array.CreateInstance(element, 1);
            array.SetValue(Value(element), 0);
            return array;
        }
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Value(p.ParameterType))]);
    }
}
