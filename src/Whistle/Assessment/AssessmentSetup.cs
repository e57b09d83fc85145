using JasperFx.Events.Projections;
using Marten;
using Whistle.Assessment.Appeals;
using Whistle.Assessment.Signals;
using Whistle.Assessment.Territories;

namespace Whistle.Assessment;

public static class AssessmentSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventTypes(ScoreAppealEventTypes.All);
        opts.Projections.Add<ScoreAppealDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ScoreAppealDetails>().Index(x => x.Month).Index(x => x.Department);
        // Inline, so that the daemon finds the month of every whistle event it routes to a month-keyed document.
        opts.Projections.Add<ScoredAssignmentProjection>(ProjectionLifecycle.Async);
        // The department scorecards read a month's assignments (the ranking), or one department's month (the figures' events).
        opts.Schema.For<ScoredAssignment>().Index(x => x.Month).Index([x => x.Department, x => x.Month]);
        opts.Projections.Add<TerritoryCaseProjection>(ProjectionLifecycle.Async);
        // The territories' scorecards read a month's cases, in the reader's scope: by month, community and sub-district.
        opts.Schema.For<TerritoryCase>().Index(x => x.Month).Index(x => x.Community).Index(x => x.SubDistrict);
        SignalsSetup.Configure(opts);
    }
}
