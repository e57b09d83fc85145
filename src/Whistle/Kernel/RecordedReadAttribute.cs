namespace Whistle.Kernel;

/// <summary>
/// Marks a POST endpoint that is a read whose access is recorded: it answers with what a read model holds and appends
/// only the record that it was shown (who, what, why). It decides nothing on the read model, so the rule that the write
/// side never reads a read model does not apply to it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RecordedReadAttribute : Attribute;
