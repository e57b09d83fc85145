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

/// <summary>
/// Tests that count every county of the shared database (before and after a step of their own) run alone, after the
/// others: a test beside them making a county of its own would change their count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EveryCounty
{
    public const string Name = "every county";
}
