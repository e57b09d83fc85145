using JasperFx.Events.Projections;
using Marten;

namespace Whistle.Assessment.Credit;

public static class CreditSetup
{
    /// <summary>The credit files are built by the async daemon: a case's outcome reaches its company's file moments after it is appended.</summary>
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Add<CompanyCreditFileProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<CompanyCreditFile>().Index(x => x.Score);
    }
}
