using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Whistle.Notifications;
using Xunit;

namespace Whistle.UnitTests.Notifications;

/// <summary>The resilient sender over a gateway that fails a given number of times (a stand-in for an SMS provider).</summary>
public class NoticeSenderTests
{
    private sealed class FlakyGateway(int failures) : INoticeGateway
    {
        public int Calls { get; private set; }

        public Task SendAsync(string contact, NoticeChannel channel, string text, CancellationToken ct)
        {
            Calls++;
            return Calls <= failures ? throw new HttpRequestException("短信网关暂不可用 gateway unavailable") : Task.CompletedTask;
        }
    }

    private static NoticeSender Sender(INoticeGateway gateway, int retries = 3) =>
        new(gateway, new NoticeOptions(NoticeOptions.LogGateway, retries, TimeSpan.FromMilliseconds(1)), NullLogger<NoticeSender>.Instance);

    [Fact]
    public async Task a_gateway_that_answers_at_once_is_called_once()
    {
        var gateway = new FlakyGateway(0);

        (await Sender(gateway).SendAsync("13800000012", NoticeChannel.Sms, "催办", CancellationToken.None)).ShouldBe(1);
        gateway.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task a_failing_call_is_retried_and_the_calls_it_took_are_counted()
    {
        var gateway = new FlakyGateway(2);

        (await Sender(gateway).SendAsync("13800000012", NoticeChannel.Sms, "催办", CancellationToken.None)).ShouldBe(3);
    }

    [Fact]
    public async Task when_the_retries_are_spent_the_failure_goes_back_to_the_caller_for_wolverine_to_retry()
    {
        var gateway = new FlakyGateway(10);

        await Should.ThrowAsync<HttpRequestException>(() => Sender(gateway, retries: 3).SendAsync("a@example.gov.cn", NoticeChannel.Email, "催办", CancellationToken.None));
        gateway.Calls.ShouldBe(4);
    }

    [Fact]
    public void the_options_default_to_the_log_gateway_three_retries_and_half_a_second()
    {
        var options = NoticeOptions.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

        options.ShouldBe(new NoticeOptions("Log", 3, TimeSpan.FromMilliseconds(500)));
    }
}
