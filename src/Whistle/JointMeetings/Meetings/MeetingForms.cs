using System.Globalization;
using Whistle.Kernel;

namespace Whistle.JointMeetings.Meetings;

/// <summary>What the meeting pages' forms share: a moment drawn as a datetime-local value (read back by CountyTime.ParseLocal).</summary>
public static class MeetingForms
{
    /// <summary>A moment as a datetime-local value in China time.</summary>
    public static string LocalValue(DateTimeOffset at) => CountyTime.Local(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
