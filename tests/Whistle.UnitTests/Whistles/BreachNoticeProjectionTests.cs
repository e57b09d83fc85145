using JasperFx.Events;
using Shouldly;
using Whistle.Kernel;
using Whistle.UnitTests.Complaints;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Whistles;

public class BreachNoticeProjectionTests
{
    [Fact]
    public void a_published_breach_becomes_one_notice_with_the_whistles_area_for_scope()
    {
        var at = Original.SignForDue;
        var published = Noticed(Lead, DeadlineKind.SignFor, at, at.AddDays(7));
        var e = (IEvent<BreachNoticePublished>)EventSpecification.Wrap(published, 9);

        var notice = new BreachNoticeProjection().Create(e);

        notice.Id.ShouldBe(e.Id);
        (notice.WhistleId, notice.ComplaintId, notice.ComplaintNumber, notice.Department, notice.Missed, notice.MissedLabel)
            .ShouldBe((WhistleId, ComplaintHistory.Id, ComplaintHistory.Number, Lead, DeadlineKind.SignFor, "未按时签收"));
        (notice.CommunityCode, notice.SubDistrictCode).ShouldBe((ComplaintHistory.CommunityId, ComplaintHistory.SubDistrictId));
        (notice.DueAt, notice.OverdueSince, notice.PublishedAt).ShouldBe((at, at, at.AddDays(7)));
        notice.Told.ShouldBe([Audience.Office, Audience.Officers(Lead)]);
        BreachNotice.Fields.AreaOf(notice).ShouldBe(new CaseArea(ComplaintHistory.CommunityId, ComplaintHistory.SubDistrictId));
    }

    [Theory]
    [InlineData(Roles.Office, true)]
    [InlineData(Roles.Clerk, true)]
    [InlineData(Roles.Analyst, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.SubDistrict, true)]
    [InlineData(Roles.Community, false)]
    [InlineData(Roles.Department, false)]
    [InlineData(Roles.Mediator, false)]
    public void the_office_the_county_wide_roles_and_sub_district_officers_read_the_notices(string role, bool reads) =>
        Scope.BreachNoticeReaders.Split(',').Contains(role).ShouldBe(reads);
}
