using Shouldly;
using Whistle.Assessment.Credit;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.History.Dashboards;
using Whistle.Kernel;
using Xunit;
using static Whistle.UnitTests.EventSpecification;
using static Whistle.UnitTests.History.Dashboards.PastEventsHistory;

namespace Whistle.UnitTests.History.Dashboards;

/// <summary>Given stored events of several streams, Then the credit files replayed from them: routed by company code, folded by the ledger.</summary>
public class CreditReplayTests
{
    private static readonly Actor Clerk = Users.ClerkActor;
    private static readonly Guid ComplaintId = Guid.Parse("0b7e6f4e-0000-4000-8000-0000000000c1");

    private static (Guid, object) Registered(string code, string name) =>
        (PropertyCompany.Kind.Id(code), new PropertyCompanyRegistered(PropertyCompany.Kind.Id(code), code,
            new PropertyCompanyInfo(name, "91410523AXM5M29E21", "马经理", "13947262444", "王建国"), Clerk, Now));

    [Fact]
    public void each_company_gets_the_file_the_ledger_folds_from_its_own_events()
    {
        var events = Stored(
            Registered("PC01", "安澜县恒信物业服务有限公司"), Registered("PC02", "安澜县顺达物业有限公司"),
            (ComplaintId, new ComplaintLodged(ComplaintId, "TS-2026-0001", ComplaintChannel.Hotline, "elevator-safety", "CP040301", "CM0403", "SD04",
                new Complainant("张三", "13812345678", null), "电梯三天未修。", Clerk, Now, PropertyCompanyCode: "PC01")),
            (ComplaintId, new ComplaintResolved(ComplaintId, "电梯已修复。", Clerk, Now.AddDays(2), PropertyCompanyCode: "PC01")));

        var files = CreditReplay.Replay(events);

        files.Keys.Order().ShouldBe(["PC01", "PC02"]);
        var expected = CreditLedger.Recompute("PC01", events.Where(e => CreditReplay.CompanyOf(e.Data) == "PC01"));
        (files["PC01"].Score, files["PC01"].Name).ShouldBe((78, "安澜县恒信物业服务有限公司"));
        files["PC01"].Entries.ShouldBe(expected.Entries);
        files["PC02"].Score.ShouldBe(CreditPolicy.BaseScore);
    }

    [Fact]
    public void the_legal_representative_is_named_as_registered()
    {
        var file = CreditReplay.Replay(Stored(Registered("PC01", "安澜县恒信物业服务有限公司")))["PC01"];

        file.LegalRepresentative.ShouldBe("王建国");
    }
}
