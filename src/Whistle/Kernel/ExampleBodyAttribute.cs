namespace Whistle.Kernel;

/// <summary>
/// A realistic request body for the command this record is, valid against the sample county: the API reference shows it
/// as the request's example, and a test checks it carries every field the schema requires.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ExampleBodyAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}
