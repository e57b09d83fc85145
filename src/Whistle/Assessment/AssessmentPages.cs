using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;

namespace Whistle.Assessment;

/// <summary>What the assessment pages share: the month they open on, the months beside it, names in the page's language, figures as text.</summary>
public static class AssessmentPages
{
    /// <summary>The month a page shows without <c>?month=</c>: the county's current month.</summary>
    public static string MonthOrCurrent(string? month, DateTimeOffset now) => string.IsNullOrEmpty(month) ? AssessmentMonth.Of(now) : month;

    /// <summary>The API's own 400 message for a malformed month (<see cref="MonthAssessment.Check"/>), null for a valid one.</summary>
    public static string? MonthError(string month) =>
        MonthAssessment.Check(month, null) is ValidationProblemDetails { Errors: var errors } && errors.TryGetValue("month", out var messages)
            ? string.Join(" ", messages)
            : null;

    /// <summary>The month <paramref name="months"/> months from a valid yyyy-MM month: "2026-01" −1 is "2025-12".</summary>
    public static string Shift(string month, int months) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(months).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Whether the user holds one of the roles an endpoint's <c>[Authorize(Roles = …)]</c> lists: a page answers 404 where the API answers 403.</summary>
    public static bool InAnyRole(ClaimsPrincipal user, string roles) => roles.Split(',').Any(user.IsInRole);

    /// <summary>The departments' names in the page's language (code → name), as the directory records them.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> DepartmentNamesAsync(IQuerySession session, CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return (await session.Query<Department>().ToListAsync(ct))
            .ToDictionary(d => d.Code, d => english ? d.Info.NameEn : d.Info.Name, StringComparer.Ordinal);
    }

    /// <summary>A rate (a fraction, 0 to 1) as a percentage to one place, "46.2%"; null when there is none.</summary>
    public static string? Percent(decimal? rate) =>
        rate is { } r ? (r * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%" : null;

    /// <summary>A score (0 to 100) to two places at most, "46.15"; null when there is none.</summary>
    public static string? Score(decimal? score) => score?.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A mean rating (1 to 5) to two places at most, "4.5"; null over no rating.</summary>
    public static string? Mean(decimal? mean) => mean?.ToString("0.##", CultureInfo.InvariantCulture);
}
