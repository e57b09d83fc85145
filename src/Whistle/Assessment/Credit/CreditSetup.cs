using JasperFx.Events.Projections;
using Marten;

namespace Whistle.Assessment.Credit;

public static class CreditSetup
{
    /// <summary>
    /// The credit files' cases are built by the async daemon: a case's outcome reaches its company's file moments after it
    /// is appended. The files are composed from them when read, by company code (indexed).
    /// </summary>
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Add<CompanyCreditCaseProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<CompanyCreditCase>().Index(x => x.Company);
    }
}
