using System.Text;
using System.Text.RegularExpressions;
using Alba;
using Shouldly;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// Answers agree on how they write: every moment in China time with its offset (+08:00, never +00:00 or Z), and
/// Chinese and emoji as they are, never as <c>\u</c> escapes.
/// </summary>
[Collection(SharedClock.Name)]
public sealed partial class ConsistentAnswersTests(AppFixture app) : IntegrationContext(app)
{
    private static void EveryMomentIsChinaTime(string json)
    {
        var moments = Moment().Matches(json).Select(m => m.Value).ToList();
        moments.ShouldNotBeEmpty(json);
        moments.ShouldAllBe(m => m.EndsWith("+08:00", StringComparison.Ordinal));
        json.ShouldNotContain("+00:00");
    }

    private async Task<string> Text(Tokens.User user, string url) => await (await Send(user, x => x.Get.Url(url), 200)).ReadAsTextAsync();

    private async Task<(Guid Complaint, Guid Whistle)> Blown()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", new { });
        IScenarioResult result = null!;
        await Tracked(async () =>
            result = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置"), 201), 30_000);
        return (lodged.Id, (await result.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId);
    }

    [Fact]
    public async Task complaint_details_a_whistle_a_list_and_a_timeline_write_every_moment_at_plus_eight()
    {
        var (complaint, whistle) = await Blown();

        EveryMomentIsChinaTime(await Text(Tokens.Clerk, $"/api/complaints/{complaint}"));
        EveryMomentIsChinaTime(await Text(Tokens.Office, $"/api/whistles/{whistle}"));
        EveryMomentIsChinaTime(await Text(Tokens.Clerk, "/api/complaints?pageSize=5"));
        EveryMomentIsChinaTime(await Text(Tokens.Office, $"/api/history/cases/{complaint}/timeline"));
    }

    [Fact]
    public async Task chinese_and_emoji_are_written_as_they_are()
    {
        var lodged = await Lodge(Tokens.Clerk, NewComplaint() with { Description = "张三说楼下🚗堵住消防通道<&>" });

        var result = await Send(Tokens.Clerk, x => x.Get.Url($"/api/complaints/{lodged.Id}"), 200);

        var body = result.Context.Response.Body;
        using var bytes = new MemoryStream();
        await body.CopyToAsync(bytes, TestContext.Current.CancellationToken);
        bytes.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes("张三说楼下🚗堵住消防通道<&>")).ShouldBeGreaterThanOrEqualTo(0);
        Encoding.UTF8.GetString(bytes.ToArray()).ShouldNotContain("\\u");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Moment();
}
