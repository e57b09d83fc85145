using System.Globalization;
using System.Security.Claims;
using Whistle.Kernel;

namespace Whistle.History;

/// <summary>
/// What the history pages share: moments written as a person picks them (a datetime-local field, China time) turned
/// into the ISO 8601 the API reads, and back; and the API's reader roles checked before a page reads anything.
/// </summary>
public static class HistoryPages
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    /// <summary>
    /// A moment as the API reads it: a datetime-local value (no offset) is China time, as the page shows every time;
    /// anything else (an ISO 8601 time with its offset, or text the API will refuse) passes unchanged.
    /// </summary>
    public static string? Moment(string? text) =>
        DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, CountyTime.Offset).ToString("O", CultureInfo.InvariantCulture)
            : text;

    /// <summary>
    /// The value of a datetime-local field for a moment: China time to the millisecond, rounded up, so that a step's own
    /// moment put back in the field still includes that step (and, read back, the field's value is at or after it).
    /// </summary>
    public static string LocalInput(DateTimeOffset at)
    {
        var local = CountyTime.Local(at);
        var rest = local.Ticks % TimeSpan.TicksPerMillisecond;
        return (rest == 0 ? local : local.AddTicks(TimeSpan.TicksPerMillisecond - rest)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
    }

    /// <summary>A moment in a link's query, exact to the tick, so "as of this step" includes that step and no later one.</summary>
    public static string Query(DateTimeOffset at) => Uri.EscapeDataString(CountyTime.Local(at).ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Whether the user holds one of the roles an endpoint's <c>[Authorize(Roles = …)]</c> names; a page shows others the 404 page.</summary>
    public static bool Reads(ClaimsPrincipal user, string roles) => roles.Split(',').Any(user.IsInRole);

    /// <summary>A rate (a fraction, 0 to 1) as a percentage to two places; a rate that has no work behind it is a dash.</summary>
    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A score or a change to two places; none is a dash. A change carries its sign.</summary>
    public static string Number(decimal? value, bool withSign = false) =>
        value is { } v ? v.ToString(withSign ? "+0.##;-0.##;0" : "0.##", CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// The status a page answers when the API refuses a point of a case it found: the API's own, except that a moment
    /// before the case was lodged (the API's 404) leaves the page found — the case and its timeline exist, only that
    /// moment's view does not, and a 404 would replace the page with the not-found answer.
    /// </summary>
    public static int StatusOf(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        problem.Status is { } status and not StatusCodes.Status404NotFound ? status : StatusCodes.Status200OK;
}
