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
