namespace Whistle.Kernel;

/// <summary>
/// A scheduled message that stands for the passing of time (a reminder, a due time, a period elapsed). The events
/// its handler appends were caused by the clock, not by the person whose request once scheduled it.
/// </summary>
public interface ITimePassed
{
    /// <summary>The user name recorded on the events appended when time passes.</summary>
    public const string Clock = "system:clock";
}

/// <summary>
/// An event that records time passing (a reminder sent, a due time missed, a period elapsed) rather than a person's
/// act. Its "who" is the clock: it carries no actor, and the store records its user as <see cref="ITimePassed.Clock"/>.
/// </summary>
public interface IRecordsTimePassing
{
    /// <summary>When the time was found to have passed.</summary>
    DateTimeOffset At { get; }
}
