namespace Whistle.IntegrationTests;

/// <summary>
/// Tests that move the shared clock, or compare a recorded time with it exactly, run one at a time in this
/// collection; the other test classes never read the clock and run beside them in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedClock
{
    public const string Name = "clock";
}
