using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using Whistle.Complaints;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.Security;

/// <summary>
/// Searches, rather than samples, for residents' personal data in clear: known names, phones and addresses of this test's
/// own residents, and any mobile number or identity-card number, in every GET answer for every sample user, the pages,
/// the notices sent and stored, and the host's log lines. The one answer that shows them is the deliberate unmasking
/// (<c>POST …/personal-data</c>), scanned too, to prove the scanner sees clear values when they are there.
/// Not scanned: the read-model tables and the events, which hold personal data in clear until erasure by
/// crypto-shredding lands (issue 18, item 3).
/// </summary>
[Collection(SharedClock.Name)]
public sealed partial class PersonalDataScannerTests(AppFixture app, ITestOutputHelper output) : SecurityContext(app)
{
    private static readonly Residents Own = new(
        "闵思齐", "13957310264", "迎宾大道389号东关花园7栋302室", "宓嘉禾", "15829463170",
        "蔺若溪", "17736920548", "亓承泽", "晁慕白", "麴映雪");

    private static readonly Residents Foreign = new(
        "郗望舒", "18610395247", "迎宾大道368号盛世公馆2栋101室", "逯知秋", "13388270915",
        "禚云舟", "15167304829", "漆雕明远", "佘听澜", "厍晚晴");

    private sealed record Finding(string Where, string Value);

    [Fact]
    public async Task no_answer_page_notice_or_log_line_shows_a_residents_personal_data_in_clear_but_the_unmasking()
    {
        var logMark = App.Logs.Mark;
        var noticeMark = App.Gateway.Calls.Count;
        var county = await App.NewCountyAsync();
        var own = await OwnAsync(county, Own, sessions: true);
        var foreign = await ForeignAsync(county, Foreign, sessions: true);
        // The pages sign in to the sample county only: the same residents on a complaint and a mediation case there.
        var pageComplaint = await Lodge(Tokens.Clerk, new LodgeComplaint(ComplaintChannel.Hotline, "illegal-parking", "CP010101",
            new ComplainantInput(Own.Complainant, Own.ComplainantPhone, Own.Address), "消防通道被私家车占用。"));
        var pageMediation = (await (await Post(Tokens.Mediator, "/api/mediation/cases", new OpenMediationCase(
            new PartyInput(Own.Applicant, Own.ApplicantPhone), new PartyInput(Own.Respondent, null), "停车位纠纷", CompoundCode: "CP010101"), 201))
            .ReadAsJsonAsync<OpenedMediationCase>())!;
        await DaemonCaughtUp();

        var walker = new EndpointWalker(Host, county, Today);
        var operations = (await walker.OperationsAsync()).Where(o => o.IsRead).ToList();
        var calls = operations.SelectMany(o => walker.Fill(o, own).Concat(walker.Fill(o, foreign))).DistinctBy(c => c.Url).ToList();
        var findings = new List<Finding>();
        long answers = 0, bytes = 0;
        void Scan(string where, string text)
        {
            answers++;
            bytes += Encoding.UTF8.GetByteCount(text);
            findings.AddRange(Clear(text).Select(v => new Finding(where, v)));
        }

        foreach (var user in EndpointWalker.Users)
        {
            foreach (var call in calls)
            {
                var answer = await walker.SendAsync(call, user);
                if (answer.Status == 200) Scan($"{user.Id} GET {call.Url}", answer.Body);
            }
            var notices = await walker.SendAsync(new EndpointWalker.Probe(operations.Single(o => o.Path == "/api/me/notifications"),
                "/api/me/notifications?pageSize=100", new EndpointWalker.SharedData(), "-"), user);
            Scan($"{user.Id} notices stored", notices.Body);
        }
        string[] pages =
        [
            $"/complaints/{pageComplaint.Id}", "/complaints", $"/history/cases/{pageComplaint.Id}",
            $"/mediation/cases/{pageMediation.Id}", "/mediation/docket", $"/history/cases/{pageMediation.Id}",
        ];
        foreach (var userId in new[] { "clerk", "community", "mediator", "analyst", "admin" })
        {
            var browser = await SignedIn(userId);
            foreach (var page in pages)
            {
                var (response, html) = await browser.GetAsync(page);
                if (response.IsSuccessStatusCode) Scan($"{userId} page {page}", html);
            }
        }
        foreach (var call in App.Gateway.Calls.Skip(noticeMark)) Scan($"notice sent to {call.Contact}", call.Text);
        var logLines = App.Logs.Since(logMark);
        foreach (var line in logLines) Scan("log", line);

        // The deliberate unmasking: the scanner must find the values there, or it could be blind.
        var unmasked = await Post(Tokens.Clerk, $"/api/complaints/{own.Complaint.Id}/personal-data", new Whistle.Privacy.ViewPersonalData("核对登记信息", null), 200, county);
        var disclosed = Clear(await unmasked.ReadAsTextAsync()).ToList();

        output.WriteLine($"{operations.Count} GET operations ({calls.Count} URLs) × {EndpointWalker.Users.Length} users, {pages.Length} pages × 5 users, "
            + $"{App.Gateway.Calls.Count - noticeMark} notices sent, {logLines.Count} log lines: {answers} texts scanned, {bytes:N0} bytes, "
            + $"{findings.Count} findings; the unmasking showed {disclosed.Count} clear values ({string.Join(", ", disclosed)}).");
        foreach (var f in findings.DistinctBy(f => (f.Where, f.Value)).Take(50)) output.WriteLine($"| {f.Where} | {f.Value} |");
        disclosed.ShouldBe([Own.Complainant, Own.ComplainantPhone, Own.Address], ignoreOrder: true);
        findings.Select(f => $"{f.Where}: {f.Value}").Distinct().Take(50).ShouldBeEmpty();
    }

    /// <summary>
    /// Contacts that are not residents' and show in clear by design: the staff register's work phones (officials; masked
    /// to analysts) and the directory's property-service companies' service phones (public, on the notice boards too).
    /// </summary>
    private static readonly HashSet<string> StaffPhones = [.. new[] { "samples/county/users.tsv", "samples/county/county.json" }
        .SelectMany(file => File.ReadLines(Path.Combine(Root(), file))).SelectMany(line => Mobile().Matches(line).Select(m => m.Value))];

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Whistle.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }

    /// <summary>The clear values in a text: this test's residents' names, phones and addresses, any other mobile or ID-card number.</summary>
    private static IEnumerable<string> Clear(string text)
    {
        var known = new[] { Own, Foreign }.SelectMany(r => new[]
        {
            r.Complainant, r.ComplainantPhone, r.Address, r.Owner, r.OwnerPhone, r.Applicant, r.ApplicantPhone, r.Respondent, r.Participant, r.Invitee,
        });
        return known.Where(v => text.Contains(v, StringComparison.Ordinal))
            .Concat(Mobile().Matches(text).Select(m => m.Value).Where(m => !StaffPhones.Contains(m)))
            .Concat(IdCard().Matches(text).Select(m => m.Value))
            .Distinct();
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdCard();
}
