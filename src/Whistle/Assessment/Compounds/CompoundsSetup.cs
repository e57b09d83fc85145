namespace Whistle.Assessment.Compounds;

public static class CompoundsSetup
{
    /// <summary>The compound profile's settings, read once at start-up (a bad value stops the host with its reason).</summary>
    public static IServiceCollection AddCompoundProfiles(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton(CompoundProfileSettings.From(config));
}
