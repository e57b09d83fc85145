using Marten;

namespace Whistle.Mediation;

public static class MediationSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventType<MediationCaseOpened>();
    }
}
