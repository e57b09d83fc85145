using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;

namespace Whistle.History.Integrity;

/// <summary>The verifiable record's registration: the chain table, its trigger function and the trigger, in Marten's schema.</summary>
public static class IntegritySetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Storage.Add(new EventChainFeature(opts));
    }

    public static IServiceCollection AddIntegrity(this IServiceCollection services)
    {
        services.AddSingleton<StreamVerifier>();
        services.AddSingleton<Evidence.ChainLinks>();
        services.AddSingleton<EvidenceSigner>();
        return services;
    }
}

/// <summary>
/// The chain's schema objects as a feature of their own: Marten migrates its own features (the event tables among them)
/// before the ones added here, so the trigger finds <c>mt_events</c> on a fresh database; the extended schema objects
/// run too early for that.
/// </summary>
internal sealed class EventChainFeature(StoreOptions options) : FeatureSchemaBase("WhistleEventChain", options.Advanced.Migrator)
{
    protected override IEnumerable<ISchemaObject> schemaObjects() => [EventChain.Table(), EventChain.Function(), EventChain.Trigger()];
}
