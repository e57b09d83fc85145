using System.Text.RegularExpressions;

namespace Whistle.Notifications;

/// <summary>Puts the directory's names into a notice's text, and shapes the outbound message.</summary>
public static partial class NoticeTexts
{
    [GeneratedRegex(@"\{department:([A-Za-z0-9_-]+)\}")]
    private static partial Regex DepartmentPlaceholder();

    /// <summary>
    /// <c>{department:code}</c> becomes the department's name (its code when the directory has no such department) and
    /// <c>{complaint}</c> the complaint's number (“吹哨” when it is not known).
    /// </summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> departmentNames, string? complaintNumber) =>
        DepartmentPlaceholder()
            .Replace(text, m => departmentNames.TryGetValue(m.Groups[1].Value, out var name) ? name : m.Groups[1].Value)
            .Replace("{complaint}", complaintNumber ?? "吹哨", StringComparison.Ordinal);

    /// <summary>The departments a text names.</summary>
    public static IEnumerable<string> DepartmentsIn(string text) =>
        DepartmentPlaceholder().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>The outbound message (SMS or e-mail): the title, the body, and where to read the case.</summary>
    public static string Outbound(Notification notification) =>
        $"【吹哨报到】{notification.Title}。{notification.Body}（详见 {notification.Link}）";
}
