using System.Globalization;
using Whistle.Kernel;

namespace Whistle.JointMeetings.Meetings;

/// <summary>What the meeting pages' forms share: a datetime-local field read as China time.</summary>
public static class MeetingForms
{
    /// <summary>A datetime-local value is China time; null when empty or unreadable (the API then names the field).</summary>
    public static DateTimeOffset? LocalMoment(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), CountyTime.Offset)
            : null;

    /// <summary>A moment as a datetime-local value in China time.</summary>
    public static string LocalValue(DateTimeOffset at) => CountyTime.Local(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
