using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Whistle.FeeDisputes;
using Whistle.IntegrationTests.Mediation;
using Whistle.Mediation;
using Whistle.Privacy;

namespace Whistle.IntegrationTests.Privacy;

/// <summary>
/// Fee disputes' owners and mediation's parties, participants and invitees are stored sealed, each under a key of their
/// own; a closed mediation case's people are erased by deleting their keys.
/// </summary>
public sealed class SealingTests(AppFixture app) : MediationContext(app)
{
    private async Task<long> ClearRows(Guid stream, string table, params string[] values)
    {
        var like = string.Join(" or ", values.Select((_, i) => $"data::text like ${i + 2}"));
        var sql = $"select (select count(*) from whistle.mt_events where stream_id = $1 and ({like})) + (select count(*) from whistle.{table} where id = $1 and ({like}))";
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = $"%{value}%" });
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task a_fee_dispute_s_owner_is_stored_sealed_read_masked_and_unmasked_and_kept_while_the_dispute_is_open()
    {
        var raised = (await (await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(
            DisputeRaiser.Company, "PC45", "CP010101", "3号楼2单元501", new OwnerInput("赵五", "13700001234"),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 2400m), 201)).ReadAsJsonAsync<FeeDisputeRaisedResponse>())!;

        (await ClearRows(raised.Id, "mt_doc_feedisputedetails", "赵五", "13700001234")).ShouldBe(0);
        var details = await Get<FeeDisputeDetails>(Tokens.Clerk, $"/api/fee-disputes/{raised.Id}");
        (details.OwnerName, details.OwnerPhone).ShouldBe(("赵*", "137****1234"));
        (await Get<List<FeeDisputeDetails>>(Tokens.Clerk, "/api/fee-disputes?compoundCode=CP010101")).Single(d => d.Id == raised.Id).OwnerName.ShouldBe("赵*");
        (await Unmasked($"/api/fee-disputes/{raised.Id}"))["owner.phone"].ShouldBe("13700001234");
        await Post(Tokens.Admin, $"/api/fee-disputes/{raised.Id}/personal-data/erasure", new ErasePersonalData(ErasureBasis.Request, "申请 2 号"), 409);
    }

    [Fact]
    public async Task a_mediation_case_s_people_are_sealed_and_once_it_is_closed_erased_everywhere_while_the_organisation_and_mediator_stay()
    {
        var opened = await Open(NewCase() with { Respondent = new PartyInput("恒信物业", "0371-5550101", IsOrganisation: true) });
        await Act(opened.Id, "consent", new RecordConsent(PartySide.Applicant, true));
        await Act(opened.Id, "consent", new RecordConsent(PartySide.Respondent, true));
        await Act(opened.Id, "accept", Empty);
        await Act(opened.Id, "mediator", new AssignMediator("mediator", "mediator 测试", MediatorSelection.Appointed));
        await Act(opened.Id, "sessions", new RecordMediationSession(
            Now, ["王大妈", "恒信物业", "mediator 测试"], "双方陈述了事实。", [new InviteeInput("张师傅", InviteeRole.Expert, "防水工程师")]));

        (await ClearRows(opened.Id, "mt_doc_mediationcasedetails", "王大妈", "13900002222", "张师傅")).ShouldBe(0);
        var masked = await CaseDetails(opened.Id);
        masked.Parties.Select(p => p.Name).ShouldBe(["王**", "恒信物业"]);
        masked.Sessions.Single().Participants.ShouldBe(["王**", "恒信物业", "mediator 测试"]);
        masked.Sessions.Single().Invited.Single().Name.ShouldBe("张**");

        await Act(opened.Id, "fail", new RecordMediationFailure("双方分歧过大"));
        var erased = await Post(Tokens.Admin, $"/api/mediation/cases/{opened.Id}/personal-data/erasure", new ErasePersonalData(ErasureBasis.Request, "申请 3 号"));

        (await erased.ReadAsJsonAsync<PersonalDataErasure>())!.Subjects.ShouldBe(3);
        var after = await CaseDetails(opened.Id);
        after.Parties.Select(p => (p.Name, p.Phone)).ShouldBe([("（已删除）", "（已删除）"), ("恒信物业", "037*****0101")]);
        after.Sessions.Single().Participants.ShouldBe(["（已删除）", "恒信物业", "mediator 测试"]);
        (await Unmasked(CaseUrl(opened.Id), Tokens.Mediator)).Values.ShouldAllBe(v => v == "（已删除）");
    }
}
