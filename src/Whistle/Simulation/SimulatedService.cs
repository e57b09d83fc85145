namespace Whistle.Simulation;

/// <summary>The running service of a simulation: its host, clock, gate, address and the users who call it.</summary>
public sealed record SimulatedService(WebApplication App, SimulatedClock Clock, DeadlineGate Gate, Uri Address, SimulatedUsers Users)
    : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
