using JasperFx.Events.Projections;
using Marten;

namespace Whistle.Mediation;

public static class MediationSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventTypes(MediationEventTypes.All);
        opts.Projections.Add<MediationCaseDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<MediationCaseDetails>()
            .Index(x => x.Number)
            .Index(x => x.MediatorId)
            .Index(x => x.Status)
            .Index(x => x.PropertyCompanyCode)
            .Index(x => x.SourceCaseId);
    }
}
