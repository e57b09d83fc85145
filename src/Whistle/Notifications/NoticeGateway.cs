using Polly;
using Polly.Retry;
using Whistle.Kernel;

namespace Whistle.Notifications;

/// <summary>
/// The one way out to an SMS or e-mail provider. An implementation sends one message or throws; retrying is
/// <see cref="NoticeSender"/>'s, and after that Wolverine's.
/// </summary>
public interface INoticeGateway
{
    Task SendAsync(string contact, NoticeChannel channel, string text, CancellationToken ct);
}

/// <summary>The development gateway: writes each notice to the log (contacts masked) instead of sending it.</summary>
public sealed partial class LoggingNoticeGateway(ILogger<LoggingNoticeGateway> logger) : INoticeGateway
{
    public Task SendAsync(string contact, NoticeChannel channel, string text, CancellationToken ct)
    {
        Sent(logger, channel, channel == NoticeChannel.Sms ? Mask.Phone(contact) : Mask.Email(contact), text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notice by {Channel} to {Contact}: {Text}")]
    private static partial void Sent(ILogger logger, NoticeChannel channel, string contact, string text);
}

/// <summary>
/// Outbound notices (<c>Whistle:Notices</c>): which gateway (<c>Gateway</c>: <c>Log</c>, the default and for now the
/// only one), and how often a failing call is retried at once, at least once, with exponential backoff and jitter from
/// <c>RetryDelay</c> (<c>Retries</c>: 3, <c>RetryDelay</c>: 00:00:00.5) before the message is handed back to Wolverine.
/// </summary>
public sealed record NoticeOptions(string Gateway, int Retries, TimeSpan RetryDelay)
{
    public const string Section = "Whistle:Notices";
    public const string LogGateway = "Log";

    public static NoticeOptions From(IConfiguration config)
    {
        var section = config.GetSection(Section);
        return new(section["Gateway"] ?? LogGateway, section.GetValue("Retries", 3), section.GetValue("RetryDelay", TimeSpan.FromMilliseconds(500)));
    }
}

/// <summary>
/// Sends through the gateway within a Polly resilience pipeline: a failing call is retried (exponential backoff with
/// jitter); when the retries are spent the exception escapes, and Wolverine's retry schedule for
/// <see cref="SendNotice"/> and then its dead-letter queue take over. Answers how many calls it took.
/// </summary>
public sealed partial class NoticeSender
{
    private readonly INoticeGateway gateway;
    private readonly ResiliencePipeline pipeline;

    public NoticeSender(INoticeGateway gateway, NoticeOptions options, ILogger<NoticeSender> logger)
    {
        this.gateway = gateway;
        pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = Math.Max(1, options.Retries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    Retrying(logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public async Task<int> SendAsync(string contact, NoticeChannel channel, string text, CancellationToken ct)
    {
        var calls = 0;
        await pipeline.ExecuteAsync(async token =>
        {
            calls++;
            await gateway.SendAsync(contact, channel, text, token);
        }, ct);
        return calls;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notice gateway failed (attempt {Attempt}); retrying in {Delay}.")]
    private static partial void Retrying(ILogger logger, int attempt, TimeSpan delay, Exception? exception);
}
