using System.Collections.Concurrent;
using Whistle.Kernel;
using Wolverine;

namespace Whistle.Simulation;

/// <summary>
/// The clock of a simulated month: the host's <see cref="TimeProvider"/>, moved only by the simulator. Every decision
/// reads its <c>now</c> from it, so a complaint lodged "on 3 November" is lodged then, whatever the wall clock says.
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="to"/>; time never runs backwards.</summary>
    public void MoveTo(DateTimeOffset to)
    {
        if (to.UtcTicks > Interlocked.Read(ref _ticks)) Interlocked.Exchange(ref _ticks, to.UtcTicks);
    }
}

/// <summary>A scheduled message held back until the simulated clock reaches its time; <paramref name="EnvelopeId"/> is Wolverine's id for it.</summary>
public sealed record DueMessage(DateTimeOffset DueAt, string TenantId, object Message, Guid EnvelopeId)
{
    /// <summary>The message as the simulator holds it, from the envelope Wolverine scheduled it in.</summary>
    public static DueMessage? Of(Envelope envelope) =>
        envelope is { ScheduledTime: { } due, Message: ITimePassed message } ? new DueMessage(due, envelope.TenantId ?? "", message, envelope.Id) : null;
}

/// <summary>
/// Holds back every scheduled message that reaches its handler, for the simulator to play when the simulated clock
/// reaches its time. Most scheduled messages never get here: Wolverine stores them as scheduled, and the simulator
/// takes them from the tracked session that scheduled them (<see cref="Simulator"/>). One Wolverine sends at once (it
/// is due by Wolverine's clock) reaches its handler inside that session, and this gate, middleware on the
/// scheduled-message handlers of the simulator's host only, stops it before its handler and hands it to the
/// simulator, which invokes it through the same handler when the simulated clock reaches its time: once, in time order.
/// </summary>
public sealed class DeadlineGate(SimulatedClock clock)
{
    private readonly ConcurrentQueue<DueMessage> _held = new();

    public SimulatedClock Clock => clock;

    /// <summary>
    /// True when the message was scheduled (it is then held, and the handler skipped). One already due by the simulated
    /// clock is held too, so that the simulator plays it alone, never beside another message on the same stream.
    /// </summary>
    public bool Holds(Envelope envelope)
    {
        if (DueMessage.Of(envelope) is not { } due) return false;
        _held.Enqueue(due);
        return true;
    }

    /// <summary>The messages held since the last call.</summary>
    public IReadOnlyList<DueMessage> Drain()
    {
        var drained = new List<DueMessage>();
        while (_held.TryDequeue(out var message)) drained.Add(message);
        return drained;
    }
}

/// <summary>The gate as Wolverine middleware: <c>Before</c> stops the handler of a scheduled message, which the gate holds.</summary>
public static class DeadlineGateMiddleware
{
    public static HandlerContinuation Before(Envelope envelope, DeadlineGate gate) =>
        gate.Holds(envelope) ? HandlerContinuation.Stop : HandlerContinuation.Continue;
}
