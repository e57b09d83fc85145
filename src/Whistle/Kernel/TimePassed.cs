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
