using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.Tokens;
using Whistle.Kernel;
using Whistle.Simulation;
using Wolverine;

// The simulator composes a host of its own, which only the host wiring may do (the architecture tests), so the two
// types that build and start it live in the Hosting namespace; the rest of src/Whistle/Simulation does not.
namespace Whistle.Hosting.Simulation;

/// <summary>
/// The service as the simulator runs it: the same Marten, Wolverine, endpoints and handlers as <c>ops/run</c>, with
/// three differences, each for the simulated clock. (1) <see cref="TimeProvider"/> is a <see cref="SimulatedClock"/>.
/// (2) Wolverine's scheduled-job poller is off and the <see cref="DeadlineGate"/> holds back every scheduled message
/// that reaches its handler: the simulator plays them in time order. (3) Tokens are signed with a key made for this run, for the simulator's own users;
/// the service listens on a free loopback port that nobody else is told of. Wolverine runs solo (one node).
/// </summary>
public static class SimulationHost
{
    /// <summary>Longer than any run (a timer's longest wait is about 49 days).</summary>
    private static readonly TimeSpan ScheduledJobsOff = TimeSpan.FromDays(40);

    public static async Task<SimulatedService> StartAsync(string connectionString, string sampleCounty, DateTimeOffset start, CancellationToken ct)
    {
        // The run's own RSA key: the host reads the public half from a file at start (the file is gone once it has).
        var rsa = RSA.Create(2048);
        var publicKey = Path.Combine(Path.GetTempPath(), $"whistle-simulator-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(publicKey, rsa.ExportSubjectPublicKeyInfoPem(), ct);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Whistle"] = connectionString,
            ["Whistle:SampleCounty"] = sampleCounty,
            ["Whistle:Durability"] = nameof(DurabilityMode.Solo),
            // A month of a county played in minutes: far past any person's rate.
            ["Whistle:RateLimits:Enabled"] = "false",
            ["Whistle:Auth:Authority"] = "",
            ["Whistle:Auth:SigningKey"] = "",
            ["Whistle:Auth:PublicKeyPath"] = publicKey,
            ["Whistle:Privacy:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Whistle:Auth:Issuer"] = SimulatedUsers.Issuer,
            ["Whistle:Auth:Audience"] = SimulatedUsers.Issuer,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Whistle.Notifications"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        try { builder.AddWhistle(); }
        finally { File.Delete(publicKey); }

        var clock = new SimulatedClock(start);
        var gate = new DeadlineGate(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(gate);
        builder.Services.ConfigureWolverine(opts =>
        {
            opts.Policies.AddMiddleware(typeof(DeadlineGateMiddleware), chain => chain.MessageType.IsAssignableTo(typeof(ITimePassed)));
            // The scheduled-job poller runs by the wall clock, beside the simulator: left on, it would hand stored
            // scheduled messages to the gate at moments that differ from run to run. The simulator takes each one
            // from the tracked session that scheduled it instead (Simulator.RunAsync).
            opts.Durability.ScheduledJobFirstExecution = ScheduledJobsOff;
            opts.Durability.ScheduledJobPollingTime = ScheduledJobsOff;
        });

        var app = builder.Build();
        app.UseWhistle();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatedService(app, clock, gate, new Uri(address), new SimulatedUsers(new RsaSecurityKey(rsa)));
    }
}
