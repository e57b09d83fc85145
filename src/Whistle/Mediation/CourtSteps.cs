using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;

namespace Whistle.Mediation;

/// <summary>
/// One of the court's steps on an application for judicial confirmation (accepting it, then ruling on it), as the
/// centre records it: it follows the step before it, is recorded once, and happened on a day no earlier than that
/// step's and no later than today. It was due within a number of days of the step before; after that it is late.
/// </summary>
public sealed record CourtStep(
    string DayField,
    Func<MediationCase, DateOnly?> PreviousDay,
    Func<MediationCase, ProblemDetails> NotYet,
    Func<MediationCase, ProblemDetails?> AlreadyRecorded,
    Func<DateOnly, string> BeforePrevious,
    string InFuture)
{
    /// <summary>
    /// The checks both steps share: the expected version, the step before, once only, and the day; then the command's
    /// own fields.
    /// </summary>
    public ProblemDetails Check(
        MediationCase mediation, long? expectedVersion, DateOnly? day, DateTimeOffset now, Func<FieldErrors, FieldErrors> ownFields)
    {
        if (Problems.CheckVersion(expectedVersion, mediation.Version) is { } stale) return stale;
        if (PreviousDay(mediation) is not { } previous) return NotYet(mediation);
        if (AlreadyRecorded(mediation) is { } recorded) return recorded;
        return ownFields(new FieldErrors())
            .When(day is null, DayField, "必填。Required.")
            .When(day < previous, DayField, BeforePrevious(previous))
            .When(day > MediationTimes.Day(now), DayField, InFuture)
            .ToProblem();
    }

    /// <summary>Whether a step taken on this day missed the day it was due.</summary>
    public static bool Late(DateOnly day, DateOnly dueOn) => day > dueOn;

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
