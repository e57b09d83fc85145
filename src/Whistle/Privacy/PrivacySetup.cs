using JasperFx.Events.Projections;
using Marten;

namespace Whistle.Privacy;

/// <summary>
/// The privacy capability's wiring: the viewing events, and their access record built inline so an unmasking is
/// listed the moment its answer is sent.
/// </summary>
public static class PrivacySetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventTypes(PrivacyEventTypes.All);
        opts.Projections.Add<PersonalDataViewingProjection>(ProjectionLifecycle.Inline);
        var record = opts.Schema.For<PersonalDataViewingRecord>();
        record.Duplicate(x => x.At);
        record.Duplicate(x => x.CaseId);
        record.Duplicate(x => x.UserId);
    }
}
