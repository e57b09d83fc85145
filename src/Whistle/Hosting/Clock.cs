using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;

namespace Whistle.Hosting;

/// <summary>
/// Gives every handler and endpoint parameter <c>DateTimeOffset now</c> from the registered <see cref="TimeProvider"/>,
/// so decisions take the time as an argument and tests move a fake clock instead of sleeping.
/// </summary>
internal sealed class ClockVariableSource : IVariableSource
{
    public bool Matches(Type type) => type == typeof(DateTimeOffset);

    public Variable Create(Type type)
    {
        var call = new MethodCall(typeof(TimeProvider), nameof(TimeProvider.GetUtcNow));
        call.ReturnVariable!.OverrideName("now");
        return call.ReturnVariable;
    }
}

/// <summary>
/// The business clock: the system clock, or — for fault drills and demos only — the system clock shifted by
/// <c>Whistle:Clock:Offset</c> (a TimeSpan such as <c>-00:59:30</c>), so that a real process's deadlines, an hour
/// away in business time, fall due seconds away on the wall clock: Wolverine's scheduler (and token lifetimes) keep the
/// wall clock, so a due time is fired at that instant of the wall clock, when business time reads it less the offset.
/// The events such a process records carry shifted times: for throwaway databases only, refused in Production.
/// </summary>
public static class BusinessClock
{
    public const string OffsetSetting = "Whistle:Clock:Offset";

    public static TimeProvider From(IConfiguration config, IHostEnvironment environment) =>
        From(config.GetValue<TimeSpan?>(OffsetSetting), environment.EnvironmentName);

    public static TimeProvider From(TimeSpan? offset, string environmentName)
    {
        if (offset is null || offset == TimeSpan.Zero) return TimeProvider.System;
        if (environmentName == Environments.Production)
            throw new InvalidOperationException(
                $"{OffsetSetting} 仅用于演练和演示，生产环境不得设置。{OffsetSetting} is for drills and demos only; it is refused in Production.");
        return new OffsetClock(offset.Value);
    }

    /// <summary>The system clock shifted by a fixed offset; time passes at the wall clock's pace.</summary>
    public sealed class OffsetClock(TimeSpan offset) : TimeProvider
    {
        public TimeSpan Offset { get; } = offset;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
