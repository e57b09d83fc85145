using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Xunit;

namespace Whistle.UnitTests.Complaints;

public class ComplaintListTests
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    private static (ComplaintFilter Filter, ProblemDetails Problem) Parse(
        string? status = null, string? categoryId = null, string? communityId = null, string? number = null,
        string? lodgedFrom = null, string? lodgedTo = null, string? page = null, string? pageSize = null, string? overdue = null) =>
        ComplaintListEndpoint.Parse(status, categoryId, communityId, number, lodgedFrom, lodgedTo, page, pageSize, overdue);

    [Fact]
    public void without_filters_the_first_page_of_twenty_is_listed()
    {
        var (filter, problem) = Parse();

        problem.ShouldBeNoProblem();
        filter.ShouldBe(new ComplaintFilter(null, null, null, null, null, null, Page: 1, PageSize: 20));
    }

    [Fact]
    public void every_filter_is_read_from_the_query()
    {
        var (filter, problem) = Parse(
            "accepted", "illegal-construction", "CM0101", "ts-2026-000123",
            "2026-11-01", "2026-11-27T08:00:00+08:00", "3", "100");

        problem.ShouldBeNoProblem();
        filter.ShouldBe(new ComplaintFilter(
            ComplaintStatus.Accepted, "illegal-construction", "CM0101", new NumberMatch(NumberMatchKind.Exact, "TS-2026-000123"),
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, ChinaTime), new DateTimeOffset(2026, 11, 27, 8, 0, 0, ChinaTime),
            Page: 3, PageSize: 100));
    }

    [Fact]
    public void a_bare_date_means_midnight_china_time() =>
        Parse(lodgedFrom: "2026-11-01").Filter.LodgedFrom.ShouldBe(new DateTimeOffset(2026, 11, 1, 0, 0, 0, ChinaTime));

    [Fact]
    public void an_instant_keeps_its_own_offset() =>
        Parse(lodgedTo: "2026-11-01T00:00:00Z").Filter.LodgedTo.ShouldBe(new DateTimeOffset(2026, 11, 1, 8, 0, 0, ChinaTime));

    [Theory]
    [InlineData("Lodged", ComplaintStatus.Lodged)]
    [InlineData("followedup", ComplaintStatus.FollowedUp)]
    [InlineData("DUPLICATE", ComplaintStatus.Duplicate)]
    public void a_status_is_named_in_any_case(string status, ComplaintStatus parsed) =>
        Parse(status).Filter.Status.ShouldBe(parsed);

    [Theory]
    [InlineData("open")]
    [InlineData("2")]
    [InlineData("")]
    public void an_unknown_status_is_a_bad_request(string status) =>
        Parse(status).Problem.ShouldRejectFields("status");

    [Theory]
    [InlineData("2026-11-01T00:00:00")]
    [InlineData("2026-11-1")]
    public void a_time_without_an_offset_is_china_time(string value) =>
        Parse(lodgedFrom: value).Filter.LodgedFrom.ShouldBe(new DateTimeOffset(2026, 11, 1, 0, 0, 0, ChinaTime));

    [Fact]
    public void a_page_past_the_last_possible_one_is_a_bad_request() =>
        Parse(page: "100001").Problem.ShouldRejectFields("page");

    [Fact]
    public void a_list_of_statuses_is_a_bad_request() =>
        Parse("lodged,accepted").Problem.ShouldRejectFields("status");

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("one")]
    public void a_page_below_one_or_not_a_number_is_a_bad_request(string page) =>
        Parse(page: page).Problem.ShouldRejectFields("page");

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public void a_page_size_outside_one_to_a_hundred_is_a_bad_request(string pageSize) =>
        Parse(pageSize: pageSize).Problem.ShouldRejectFields("pageSize");

    [Fact]
    public void lodged_from_after_lodged_to_is_a_bad_request() =>
        Parse(lodgedFrom: "2026-11-27", lodgedTo: "2026-11-01").Problem.ShouldRejectFields("lodgedTo");

    [Fact]
    public void a_date_that_is_not_a_date_is_a_bad_request() =>
        Parse(lodgedFrom: "yesterday", lodgedTo: "2026-13-01").Problem.ShouldRejectFields("lodgedFrom", "lodgedTo");

    [Fact]
    public void overlong_text_filters_are_bad_requests() =>
        Parse(categoryId: new string('c', 65), communityId: new string('m', 65), number: new string('9', 33))
            .Problem.ShouldRejectFields("categoryId", "communityId", "number");

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    public void overdue_keeps_the_complaints_whose_step_now_due_missed_its_due_time_or_those_not(string overdue, bool wanted)
    {
        var (filter, problem) = Parse(overdue: overdue);

        problem.ShouldBeNoProblem();
        filter.Overdue.ShouldBe(wanted);
    }

    [Fact]
    public void without_overdue_both_are_listed() =>
        Parse().Filter.Overdue.ShouldBeNull();

    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(" true")]
    public void overdue_that_is_not_true_or_false_is_a_bad_request(string overdue) =>
        Parse(overdue: overdue).Problem.ShouldRejectField("overdue", "true or false.");

    [Fact]
    public void every_bad_filter_is_reported_at_once() =>
        Parse("open", page: "0", pageSize: "101", lodgedFrom: "2026-11-27", lodgedTo: "2026-11-01")
            .Problem.ShouldRejectFields("status", "page", "pageSize", "lodgedTo");
}
