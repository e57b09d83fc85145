using Whistle.Kernel;

namespace Whistle.Hosting;

/// <summary>
/// Refuses an API request any of whose query values is longer than <see cref="BodyLimits.MaxQueryLength"/> characters or
/// holds a control character, with a 400 naming the parameter, before the endpoint reads it.
/// </summary>
internal sealed class QueryLimit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api") && http.Request.QueryString.HasValue)
        {
            var errors = new FieldErrors();
            foreach (var (name, values) in http.Request.Query)
            {
                var field = name.Length > 50 ? name[..50] : name;
                if (values.Any(v => v?.Length > BodyLimits.MaxQueryLength))
                    errors.Add(field, $"不能超过 {BodyLimits.MaxQueryLength} 个字符。At most {BodyLimits.MaxQueryLength} characters.");
                else if (values.Any(v => v is not null && BodyLimits.HasControl(v))) errors.Add(field, BodyLimits.ControlMessage);
            }
            if (errors.Any)
            {
                await ProblemAnswers.WriteAsync(http, errors.ToProblem());
                return;
            }
        }
        await next(http);
    }
}
