using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Calendar;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Deadlines;

public static class DueTimesPreviewEndpoint
{
    public static ProblemDetails Validate(string? whistleType, string? start) =>
        new FieldErrors()
            .When(!Enum.TryParse<WhistleType>(whistleType, ignoreCase: false, out var t) || !Enum.IsDefined(t) || int.TryParse(whistleType, out _),
                "whistleType", "应为 Emergency、Routine 或 Tough。Emergency, Routine or Tough.")
            .When(start is not null && !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "start", "不是有效的时间（带时区，如 2026-09-30T10:00:00+08:00）。Not an ISO 8601 time with offset.")
            .ToProblem();

    /// <summary>
    /// The due times a whistle of this type blown at <c>start</c> (default: now) would get under the policy and
    /// calendar in force — what whistles record when they are blown.
    /// </summary>
    [EndpointSummary("预览办理时限 Preview due times")]
    [WolverineGet("/api/deadline-policy/due-times", OperationId = "PreviewDueTimes")]
    public static async Task<AssignmentDeadlines> Get(
        string whistleType, string? start, DateTimeOffset now, IQuerySession session, CancellationToken ct)
    {
        var from = start is null ? now : DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        return WhistleDeadlines.Compute(
            Enum.Parse<WhistleType>(whistleType), from,
            await DeadlinePolicy.CurrentAsync(session, ct), await CountyCalendar.CurrentAsync(session, ct));
    }
}
