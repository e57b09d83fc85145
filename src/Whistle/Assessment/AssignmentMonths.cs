using JasperFx.Events;
using Marten.Events.Aggregation;
using Whistle.Whistles;

namespace Whistle.Assessment;

/// <summary>
/// Which month each department's assignment on a whistle is assessed in: the month of the first sign-for due time it
/// was given (the whistle blown, or the ruling that reassigned the whistle to it). Kept inline, in the transaction of
/// the events, so that the scorecard projection, run later by the daemon, finds the month of any event it reads; a
/// month once set never changes, so reading it now gives what it gave then (a rebuild gives the same scorecards).
/// </summary>
public sealed class AssignmentMonths
{
    public Guid Id { get; init; }

    /// <summary>Department code → month (yyyy-MM).</summary>
    public Dictionary<string, string> Departments { get; init; } = [];

    public string? MonthOf(string department) => Departments.GetValueOrDefault(department);
}

public partial class AssignmentMonthsProjection : SingleStreamProjection<AssignmentMonths, Guid>
{
    public static AssignmentMonths Create(IEvent<WhistleBlown> e)
    {
        var months = new AssignmentMonths { Id = e.Data.WhistleId };
        foreach (var a in e.Data.Assignments)
            months.Departments.TryAdd(a.Department, AssessmentMonth.Of(a.Deadlines.SignForDue));
        return months;
    }

    /// <summary>An upheld rejection brings a department in; one already on the whistle keeps its month.</summary>
    public static void Apply(IEvent<RejectionArbitrated> e, AssignmentMonths months)
    {
        if (e.Data.Reassignment is { } terms) months.Departments.TryAdd(terms.Department, AssessmentMonth.Of(terms.Deadlines.SignForDue));
    }
}
