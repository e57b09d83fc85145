namespace Whistle.Kernel;

/// <summary>
/// The fields (as JSON names) a command may leave out although its record gives them no default, because its
/// <c>Validate</c> does not require them: the API reference does not list them as required.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OptionalFieldsAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
