using System.Globalization;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Whistle.County.Directory;
using Whistle.FeeDisputes;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class RaiseFeeDisputeTests
{
    private static RaiseFeeDispute Complete() => new(
        DisputeRaiser.Company, CompanyCode, CompoundCode, Unit, new OwnerInput(OwnerName, OwnerPhone),
        Year2025.From, Year2025.To, AmountOwed);

    private static readonly DisputeParties Found = new(DongguanGarden, Dongsheng);

    private static readonly PropertyCompany OtherCompany = new()
    {
        Id = DirectoryIds.PropertyCompany("PC02"), Code = "PC02", Info = Dongsheng.Info with { Name = "另一物业" },
    };

    [Fact]
    public void raising_starts_a_fee_dispute_stream_with_the_trimmed_dispute_in_the_compounds_community()
    {
        var command = Complete() with
        {
            PropertyCompanyCode = " PC01 ", Unit = "  3 栋 2 单元 501 ", Owner = new OwnerInput(" 王小明 ", " 13812345678 "),
        };

        var (created, stream) = RaiseFeeDisputeEndpoint.Raise(command, DongguanGarden, Id, Number, Clerk, RaisedAt);

        created.ShouldBe(new FeeDisputeRaisedResponse(Id, Number));
        created.Url.ShouldBe($"/api/fee-disputes/{Id}");
        stream.StreamId.ShouldBe(Id);
        stream.AggregateType.ShouldBe(typeof(FeeDispute));
        stream.Events.ShouldBeEvents(new FeeDisputeRaised(
            Id, Number, DisputeRaiser.Company, CompanyCode, CompoundCode, CommunityCode, SubDistrictCode, Unit, OwnerName,
            OwnerPhone, Year2025, AmountOwed, Clerk, RaisedAt, CompoundName));
    }

    [Fact]
    public void an_owner_raises_a_dispute_over_the_charges()
    {
        var (_, stream) = RaiseFeeDisputeEndpoint.Raise(
            Complete() with { RaisedBy = DisputeRaiser.Owner }, DongguanGarden, Id, Number, Clerk, RaisedAt);

        stream.Events.ShouldBeEvents(Raised(DisputeRaiser.Owner));
    }

    [Fact]
    public void the_raised_dispute_is_open_with_all_that_is_owed_outstanding()
    {
        var (_, stream) = RaiseFeeDisputeEndpoint.Raise(Complete(), DongguanGarden, Id, Number, Clerk, RaisedAt);

        var dispute = DisputeAfter([.. stream.Events]);

        (dispute.Id, dispute.Number, dispute.Stage, dispute.Outstanding, dispute.Version)
            .ShouldBe((Id, Number, FeeDisputeStage.Open, AmountOwed, 1L));
        (dispute.PropertyCompanyCode, dispute.CompoundCode, dispute.CommunityCode, dispute.SubDistrictCode, dispute.OwnerName)
            .ShouldBe((CompanyCode, CompoundCode, CommunityCode, SubDistrictCode, OwnerName));
        (dispute.Plan, dispute.DemandPayBy, dispute.Mediation, dispute.MediationFailed, dispute.CreditReferred, dispute.IsClosed)
            .ShouldBe((0, (DateOnly?)null, (Guid?)null, false, false, false));
    }

    [Fact]
    public void a_complete_dispute_passes_validation() =>
        RaiseFeeDisputeEndpoint.Validate(Complete(), Found, Users.Clerk).ShouldBeNoProblem();

    [Fact]
    public void a_community_worker_raises_a_dispute_in_their_own_community() =>
        RaiseFeeDisputeEndpoint.Validate(Complete(), Found, Users.CommunityWorker(CommunityCode, SubDistrictCode)).ShouldBeNoProblem();

    [Fact]
    public void every_missing_field_is_reported_at_once() =>
        RaiseFeeDisputeEndpoint.Validate(new RaiseFeeDispute(null, null, null, null, null, null, null, null), new(null, null), Users.Clerk)
            .ShouldRejectFields("raisedBy", "propertyCompanyCode", "compoundCode", "unit", "owner", "periodFrom", "periodTo", "amountOwed");

    [Fact]
    public void an_owner_needs_a_name_and_a_phone() =>
        RaiseFeeDisputeEndpoint.Validate(Complete() with { Owner = new OwnerInput(" ", null) }, Found, Users.Clerk)
            .ShouldRejectFields("owner.name", "owner.phone");

    [Fact]
    public void an_unknown_raiser_is_rejected() =>
        RaiseFeeDisputeEndpoint.Validate(Complete() with { RaisedBy = (DisputeRaiser)9 }, Found, Users.Clerk)
            .ShouldRejectField("raisedBy", "Not a valid value");

    [Theory]
    [InlineData("propertyCompanyCode", 32)]
    [InlineData("compoundCode", 32)]
    [InlineData("unit", 50)]
    [InlineData("owner.name", 50)]
    [InlineData("owner.phone", 30)]
    public void an_oversized_field_is_rejected(string field, int maxLength)
    {
        var tooLong = new string('8', maxLength + 1);
        var command = field switch
        {
            "propertyCompanyCode" => Complete() with { PropertyCompanyCode = tooLong },
            "compoundCode" => Complete() with { CompoundCode = tooLong },
            "unit" => Complete() with { Unit = tooLong },
            "owner.name" => Complete() with { Owner = new OwnerInput(tooLong, OwnerPhone) },
            _ => Complete() with { Owner = new OwnerInput(OwnerName, tooLong) },
        };

        RaiseFeeDisputeEndpoint.Validate(command, Found, Users.Clerk).ShouldRejectField(field, $"At most {maxLength} characters");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    [InlineData("100.005")]
    public void the_amount_owed_is_positive_with_at_most_two_decimals(string amount) =>
        RaiseFeeDisputeEndpoint.Validate(Complete() with { AmountOwed = decimal.Parse(amount, CultureInfo.InvariantCulture) }, Found, Users.Clerk)
            .ShouldRejectField("amountOwed", "A positive amount with at most two decimals");

    [Fact]
    public void the_amount_owed_is_at_most_ten_million() =>
        RaiseFeeDisputeEndpoint.Validate(Complete() with { AmountOwed = 10_000_000.01m }, Found, Users.Clerk)
            .ShouldRejectField("amountOwed", "At most 10000000.00");

    [Theory]
    [InlineData("0.01")]
    [InlineData("1234.56")]
    [InlineData("10000000")]
    public void an_amount_in_fen_up_to_ten_million_is_accepted(string amount) =>
        RaiseFeeDisputeEndpoint.Validate(Complete() with { AmountOwed = decimal.Parse(amount, CultureInfo.InvariantCulture) }, Found, Users.Clerk)
            .ShouldBeNoProblem();

    [Fact]
    public void a_period_cannot_end_before_it_starts() =>
        RaiseFeeDisputeEndpoint.Validate(
                Complete() with { PeriodFrom = new DateOnly(2025, 12, 31), PeriodTo = new DateOnly(2025, 12, 30) }, Found, Users.Clerk)
            .ShouldRejectField("periodTo", "The period ends before it starts");

    [Fact]
    public void a_period_of_one_day_is_accepted() =>
        RaiseFeeDisputeEndpoint.Validate(
                Complete() with { PeriodFrom = new DateOnly(2025, 12, 31), PeriodTo = new DateOnly(2025, 12, 31) }, Found, Users.Clerk)
            .ShouldBeNoProblem();

    [Fact]
    public void an_unknown_compound_is_rejected() =>
        RaiseFeeDisputeEndpoint.Validate(Complete() with { CompoundCode = "CP999999" }, new(null, Dongsheng), Users.Clerk)
            .ShouldRejectField("compoundCode", "No such compound");

    [Fact]
    public void an_unknown_property_company_is_rejected() =>
        RaiseFeeDisputeEndpoint.Validate(Complete() with { PropertyCompanyCode = "PC99" }, new(DongguanGarden, null), Users.Clerk)
            .ShouldRejectField("propertyCompanyCode", "No such company");

    [Fact]
    public void a_company_that_does_not_serve_the_compound_is_rejected() =>
        RaiseFeeDisputeEndpoint.Validate(Complete(), new(DongguanGarden, OtherCompany), Users.Clerk)
            .ShouldRejectField("propertyCompanyCode", $"PC02 does not serve compound {CompoundCode}; the directory names {CompanyCode}.");

    [Fact]
    public void no_company_serves_a_compound_the_directory_gives_none() =>
        RaiseFeeDisputeEndpoint.Validate(Complete(), new(DongguanGarden with { Info = DongguanGarden.Info with { PropertyCompanyCode = null } }, Dongsheng), Users.Clerk)
            .ShouldRejectField("propertyCompanyCode", $"Compound {CompoundCode} has no property company in the directory");

    [Fact]
    public void a_community_worker_cannot_raise_a_dispute_outside_their_community()
    {
        var problem = RaiseFeeDisputeEndpoint.Validate(Complete(), Found, Users.CommunityWorker(OtherCommunityCode, SubDistrictCode));

        problem.Status.ShouldBe(StatusCodes.Status403Forbidden);
        problem.Detail.ShouldNotBeNull().ShouldContain("The compound is outside your area.");
    }
}
