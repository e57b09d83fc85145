using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Shouldly;
using Whistle.Cases;
using Whistle.Complaints;

namespace Whistle.IntegrationTests.Complaints;

/// <summary>What a hotline clerk finds by a complaint's number or by words of its description, within the caller's scope.</summary>
public sealed class ComplaintSearchEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static LodgeComplaint Saying(string description, string compound = "CP010101") =>
        NewComplaint(compound) with { Description = description };

    private async Task<ComplaintPage> List(string query, string county, Tokens.User? user = null) =>
        await Get<ComplaintPage>(user ?? Tokens.Clerk, "/api/complaints" + query, county);

    [Fact]
    public async Task a_complaint_is_found_by_its_number_in_any_case_with_the_details_body()
    {
        var lodged = await Lodge();

        var byNumber = await Send(Tokens.Clerk, x => x.Get.Url($"/api/complaints/by-number/{lodged.Number.ToLowerInvariant()}"), 200);
        var byId = await Send(Tokens.Clerk, x => x.Get.Url($"/api/complaints/{lodged.Id}"), 200);

        (await byNumber.ReadAsTextAsync()).ShouldBe(await byId.ReadAsTextAsync());
        (await byNumber.ReadAsJsonAsync<ComplaintDetails>())!.Id.ShouldBe(lodged.Id);
    }

    [Fact]
    public async Task an_analyst_finds_the_complainant_masked_by_number_as_by_id()
    {
        var lodged = await Lodge();

        var details = await Get<ComplaintDetails>(Tokens.Analyst, $"/api/complaints/by-number/{lodged.Number}");

        details.Complainant.ShouldBe(new Complainant("张*", "138****5678", "***"));
    }

    [Fact]
    public async Task a_number_outside_the_callers_scope_is_the_same_404_as_one_that_does_not_exist()
    {
        var county = await App.NewCountyAsync();
        var lodged = await Lodge(complaint: NewComplaint("CP010101"), county: county);
        var missing = lodged.Number[..^6] + "999999";

        var outside = await Send(Tokens.OtherCommunity, x => x.Get.Url($"/api/complaints/by-number/{lodged.Number}"), 404, county);
        var absent = await Send(Tokens.OtherCommunity, x => x.Get.Url($"/api/complaints/by-number/{missing}"), 404, county);

        (await outside.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe($"编号为 {lodged.Number} 的投诉不存在。 No complaint is numbered {lodged.Number}.");
        (await absent.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe($"编号为 {missing} 的投诉不存在。 No complaint is numbered {missing}.");
        (await Get<ComplaintDetails>(Tokens.Community, $"/api/complaints/by-number/{lodged.Number}", county)).Id.ShouldBe(lodged.Id);
    }

    [Fact]
    public async Task a_number_that_is_not_a_whole_number_is_404()
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url("/api/complaints/by-number/TS-2026-00"), 404);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Title.ShouldBe("未找到 Not found");
    }

    [Fact]
    public async Task the_list_matches_a_number_by_its_start_or_by_its_sequence_in_digits()
    {
        var county = await App.NewCountyAsync();
        var lodged = new List<LodgedComplaint>();
        for (var i = 0; i < 12; i++) lodged.Add(await Lodge(county: county));
        var year = lodged[0].Number[..8];
        lodged.Select(x => x.Number).ShouldBe(Enumerable.Range(1, 12).Select(n => $"{year}{n:D6}"));

        (await List("?number=12", county)).Items.Select(x => x.Number).ShouldBe([$"{year}000012"]);
        (await List("?number=000012", county)).Items.Select(x => x.Number).ShouldBe([$"{year}000012"]);
        (await List("?number=1", county)).Items.Select(x => x.Number).ShouldBe([$"{year}000001"]);
        (await List($"?number={year.ToLowerInvariant()}00001", county)).Items.Select(x => x.Number)
            .ShouldBe([$"{year}000012", $"{year}000011", $"{year}000010"]);
        (await List($"?number={year}00", county)).Total.ShouldBe(12);
        (await List($"?number={year}000003", county)).Items.Select(x => x.Id).ShouldBe([lodged[2].Id]);
        (await List("?number=TS-1999", county)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task a_number_filter_that_cannot_be_a_number_is_400()
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url("/api/complaints?number=" + Uri.EscapeDataString("TS%")), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["number"]);
    }

    [Fact]
    public async Task words_find_complaints_by_their_description_newest_first_within_scope()
    {
        var county = await App.NewCountyAsync();
        var fireLane = await Lodge(complaint: Saying("楼下消防通道长期被私家车占用，影响救援。"), county: county);
        var dancing = await Lodge(complaint: Saying("夜间广场舞噪音扰民，多次劝说无效。"), county: county);
        var lift = await Lodge(complaint: Saying("3号楼 Lift 故障一个月无人维修。"), county: county);
        var elsewhere = await Lodge(complaint: Saying("小区门口消防通道堆放杂物。", "CP020101"), county: county);

        async Task<IEnumerable<Guid>> Found(string q, Tokens.User? user = null) =>
            (await List("?q=" + Uri.EscapeDataString(q), county, user)).Items.Select(x => x.Id);

        (await Found("消防通道")).ShouldBe([elsewhere.Id, fireLane.Id]);
        (await Found("噪音")).ShouldBe([dancing.Id]);
        (await Found("lift")).ShouldBe([lift.Id]);
        (await Found("消防 私家车")).ShouldBe([fireLane.Id]);
        (await Found("消防 噪音")).ShouldBeEmpty();
        (await Found("100%")).ShouldBeEmpty();
        (await Found(dancing.Number)).ShouldBe([dancing.Id]);
        (await Found("消防通道", Tokens.Community)).ShouldBe([fireLane.Id]);
        (await Found("消防通道", Tokens.OtherCommunity)).ShouldBe([elsewhere.Id]);
        var page = await List("?q=" + Uri.EscapeDataString("消防通道") + "&pageSize=1&page=2", county);
        (page.Total, page.Items.Single().Id).ShouldBe((2, fireLane.Id));
    }

    [Fact]
    public async Task a_word_of_one_character_is_400_in_chinese_then_english()
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url("/api/complaints?q=" + Uri.EscapeDataString("噪")), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors["q"].Single()
            .ShouldBe("请输入 1 到 5 个词，每个词至少 2 个字，共不超过 100 个字符。Give 1 to 5 words of at least 2 characters each, 100 characters in all.");
    }

    [Fact]
    public async Task the_case_list_refuses_words_instead_of_ignoring_them()
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url("/api/cases?q=" + Uri.EscapeDataString("消防")), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors["q"].Single().ShouldStartWith("案件总表不支持按文字搜索");
        (await Get<CasePage>(Tokens.Clerk, "/api/cases?pageSize=1")).PageSize.ShouldBe(1);
    }

    /// <summary>
    /// The planner picks the trigram indexes on a county of thousands of complaints (measured: 50,009 rows, a 3+ character
    /// word answered by a BitmapOr of both in 6 ms against a 55 ms scan); a test county is too small for that plan, so this
    /// checks that the list's SQL reads exactly the expressions those indexes hold.
    /// </summary>
    [Fact]
    public async Task the_words_query_reads_the_expressions_the_trigram_indexes_hold()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = App.Store.QuerySession(AppFixture.County);
        var sql = new ComplaintWords(["消防通道"]).Filter(session.Query<ComplaintDetails>()).ToCommand(FetchType.FetchMany).CommandText;
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Whistle"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select indexname || ': ' || indexdef from pg_indexes where indexname like 'mt_doc_complaintdetails_trgm_%' order by 1", connection);
        var indexes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) indexes.Add(reader.GetString(0));

        indexes.ShouldBe([
            "mt_doc_complaintdetails_trgm_description: CREATE INDEX mt_doc_complaintdetails_trgm_description ON whistle.mt_doc_complaintdetails USING gin (((data ->> 'description'::text)) gin_trgm_ops)",
            "mt_doc_complaintdetails_trgm_number: CREATE INDEX mt_doc_complaintdetails_trgm_number ON whistle.mt_doc_complaintdetails USING gin (((data ->> 'number'::text)) gin_trgm_ops)",
        ]);
        sql.ShouldContain("((d.data ->> 'description') ILIKE :p1 OR (d.data ->> 'number') ILIKE :p2)");
    }
}
