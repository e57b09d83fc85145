namespace Whistle.Kernel;

/// <summary>
/// A larger bound for one field of a command body than the one every text and list is held to (<see cref="BodyLimits"/>):
/// <c>MaxLength</c> for a long free text (a session's minutes, an agreement's terms), <c>MaxItems</c> for a long list (a
/// calendar's days). On the record's parameter or property.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class BodyLimitAttribute : Attribute
{
    public int MaxLength { get; init; }
    public int MaxItems { get; init; }
}
