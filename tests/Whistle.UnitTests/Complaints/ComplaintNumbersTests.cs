using Shouldly;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.Complaints;

public class ComplaintNumbersTests
{
    [Theory]
    [InlineData(2026, 123, "TS-2026-000123")]
    [InlineData(2027, 1, "TS-2027-000001")]
    [InlineData(2026, 999999, "TS-2026-999999")]
    public void a_case_number_names_the_series_the_year_and_a_six_digit_sequence(int year, long sequence, string number) =>
        CaseNumbers.Format(CaseNumbers.Complaints, year, sequence).ShouldBe(number);
}
