using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Whistle.Complaints;
using Whistle.History.Integrity;
using Whistle.Privacy;

namespace Whistle.IntegrationTests.Privacy;

/// <summary>
/// Crypto-shredding over HTTP and the real PostgreSQL: a complainant is stored sealed under a key of their own — in the
/// events and the read models alike — and erasing a closed complaint's data deletes that key, leaving every event byte for
/// byte as stored and chained, and the complainant reading as erased everywhere.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class ErasureTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    private async Task<long> Scalar(string sql, params object[] values)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> Text(string sql, Guid id)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Every stored row of the complaint that holds the resident's phone, name or address in clear.</summary>
    private async Task<long> ClearRows(Guid complaint) =>
        await Scalar("select count(*) from whistle.mt_events where stream_id = $1 and (data::text like '%13812345678%' or data::text like '%张三%' or data::text like '%东关花园3号楼%')", complaint)
        + await Scalar("select count(*) from whistle.mt_doc_complaintdetails where id = $1 and (data::text like '%13812345678%' or data::text like '%张三%' or data::text like '%东关花园3号楼%')", complaint);

    private async Task<Guid> Closed() => await LodgeAndMove(
        ("accept", Empty), ("resolve", new ResolveComplaint("城管已劝离占道车辆")),
        ("follow-up", new RecordFollowUp(Satisfaction.Satisfied, null)), ("close", Empty));

    [Fact]
    public async Task a_complainant_is_stored_sealed_in_the_events_and_the_read_model_and_read_masked_or_unmasked_through_the_key()
    {
        var lodged = await Lodge();

        (await ClearRows(lodged.Id)).ShouldBe(0);
        (await Text("select data->'complainant'->>'phone' from whistle.mt_events where stream_id = $1 and version = 1", lodged.Id)).ShouldStartWith("pd1:");
        (await Details(lodged.Id)).Complainant.ShouldBe(new Complainant("张*", "138****5678", "***"));
        (await Unmasked($"/api/complaints/{lodged.Id}"))["complainant.phone"].ShouldBe("13812345678");
        (await Get<ComplaintPage>(Tokens.Clerk, $"/api/complaints?number={lodged.Number}")).Items.ShouldHaveSingleItem().ComplainantName.ShouldBe("张*");
    }

    [Fact]
    public async Task erasing_a_closed_complaint_deletes_its_key_leaves_its_events_as_chained_and_reads_erased_everywhere()
    {
        var id = await Closed();
        var before = await Text("select string_agg(data::text, '|' order by version) from whistle.mt_events where stream_id = $1", id);

        var result = await Post(Tokens.Admin, $"/api/complaints/{id}/personal-data/erasure", new ErasePersonalData(ErasureBasis.Request, "个人信息删除申请 2026-017 号"));

        var erasure = (await result.ReadAsJsonAsync<PersonalDataErasure>())!;
        (erasure.CaseId, erasure.Subjects, erasure.Basis).ShouldBe((id, 1, ErasureBasis.Request));
        var erased = (await EventsOf(erasure.ErasureId)).ShouldHaveSingleItem().Data.ShouldBeOfType<PersonalDataErased>();
        (erased.CaseId, erased.Subjects.Count, erased.Reference, erased.By.Role).ShouldBe((id, 1, "个人信息删除申请 2026-017 号", "admin"));
        (await Text("select string_agg(data::text, '|' order by version) from whistle.mt_events where stream_id = $1", id)).ShouldBe(before);
        (await Get<IntegrityReport>(Tokens.Analyst, $"/api/history/integrity/streams/{id}")).Broken.ShouldBeEmpty();
        (await Details(id)).Complainant.ShouldBe(new Complainant("（已删除）", "（已删除）", "（已删除）"));
        (await Unmasked($"/api/complaints/{id}")).Values.ShouldAllBe(v => v == "（已删除）");
        var timeline = await Get<Whistle.History.Timeline.TimelinePage>(Tokens.Clerk, $"/api/history/cases/{id}/timeline");
        timeline.Entries[0].Zh.ShouldContain("投诉人 （已删除），电话 （已删除）");
        (await ClearRows(id)).ShouldBe(0);
        await Post(Tokens.Admin, $"/api/complaints/{id}/personal-data/erasure", new ErasePersonalData(ErasureBasis.Request, "再次申请"), 409);
    }

    [Fact]
    public async Task an_open_complaint_a_retention_not_yet_run_out_a_non_admin_and_bad_fields_are_refused_and_nothing_is_erased()
    {
        var open = await Lodge();
        var closed = await Closed();
        var url = (Guid id) => $"/api/complaints/{id}/personal-data/erasure";

        await Post(Tokens.Admin, url(open.Id), new ErasePersonalData(ErasureBasis.Request, "申请 1 号"), 409);
        var early = await Post(Tokens.Admin, url(closed), new ErasePersonalData(ErasureBasis.RetentionElapsed, "保存期限届满"), 409);
        (await early.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldStartWith("保存期限至 ");
        await Post(Tokens.Clerk, url(closed), new ErasePersonalData(ErasureBasis.Request, "申请 1 号"), 403);
        var bad = await PostRaw(Tokens.Admin, url(closed), """{"basis": "Request"}""", 400);
        (await bad.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["reference"]);
        await Post(Tokens.Admin, url(Guid.NewGuid()), new ErasePersonalData(ErasureBasis.Request, "申请 1 号"), 404);

        (await Unmasked($"/api/complaints/{closed}"))["complainant.name"].ShouldBe("张三");
    }
}
