using Shouldly;
using Whistle.Hosting.OpenApi;
using Xunit;

namespace Whistle.UnitTests.Hosting;

public sealed class DocumentationTextTests
{
    [Theory]
    [InlineData("Registers a complaint. ComplaintUrgency? LodgeComplaint.Urgency grades it.", "Registers a complaint. `urgency` grades it.")]
    [InlineData("at the end of string MonthScorecardsAsOf.AsOf (China time)", "at the end of `asOf` (China time)")]
    [InlineData("(Guid WhistleOrigin.MeetingId, the item's int WhistleOrigin.ItemNumber)", "(`meetingId`, the item's `itemNumber`)")]
    [InlineData("from DateTimeOffset Pause.From until DateTimeOffset? Pause.To", "from `from` until `to`")]
    [InlineData("reminded at double? DeadlineRule.RulingReminderAt of it", "reminded at `rulingReminderAt` of it")]
    [InlineData("AssessmentWeights AssessmentWeights.Default until a version gives its own", "the built-in defaults (默认值) until a version gives its own")]
    public void a_member_the_generator_wrote_as_a_signature_reads_as_its_json_name(string text, string expected) =>
        DocumentationText.Rewrite(text).ShouldBe(expected);

    [Theory]
    [InlineData("社区吹哨、部门报到 (Art. 17). Community whistles, departments report.")]
    [InlineData("GET /api/complaints/by-number/TS-2026-000001, e.g. 12 or 000012.")]
    public void ordinary_text_is_left_as_it_is(string text) => DocumentationText.Rewrite(text).ShouldBe(text);
}
