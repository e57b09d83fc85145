using Whistle.Notifications;

namespace Whistle.IntegrationTests;

/// <summary>
/// The test host's SMS and e-mail provider: records every call, and fails the first calls to a contact a test names
/// (<see cref="FailFirst"/>), as a provider that is briefly down would. Tests use contacts of their own, so they
/// never see one another's calls.
/// </summary>
public sealed class FakeNoticeGateway : INoticeGateway
{
    public sealed record Attempt(string Contact, NoticeChannel Channel, string Text, bool Failed);

    private readonly Lock gate = new();
    private readonly Dictionary<string, int> failuresLeft = new(StringComparer.Ordinal);
    private readonly List<Attempt> calls = [];

    public void FailFirst(string contact, int times)
    {
        lock (gate) failuresLeft[contact] = times;
    }

    /// <summary>Every call to the contact, failed or not, in order.</summary>
    public IReadOnlyList<Attempt> CallsTo(string contact)
    {
        lock (gate) return [.. calls.Where(c => c.Contact == contact)];
    }

    /// <summary>Every call to any contact, in order.</summary>
    public IReadOnlyList<Attempt> Calls
    {
        get { lock (gate) return [.. calls]; }
    }

    public Task SendAsync(string contact, NoticeChannel channel, string text, CancellationToken ct)
    {
        bool fail;
        lock (gate)
        {
            fail = failuresLeft.TryGetValue(contact, out var left) && left > 0;
            if (fail) failuresLeft[contact] = left - 1;
            calls.Add(new Attempt(contact, channel, text, fail));
        }
        return fail ? Task.FromException(new HttpRequestException($"短信网关暂不可用 The provider is down for {contact}.")) : Task.CompletedTask;
    }
}
