using Shouldly;
using Whistle.County.Directory;

namespace Whistle.UnitTests.County.Directory;

public static class DirectoryAssertions
{
    /// <summary>What a directory PUT answers: the code, the version after the call, whether it was new, what changed.</summary>
    public static void ShouldBeRecorded(
        this DirectoryRecorded recorded, string code, long version, bool created, params string[] changed)
    {
        recorded.Code.ShouldBe(code);
        recorded.Version.ShouldBe(version);
        recorded.Created.ShouldBe(created);
        recorded.Changed.ShouldBe(changed);
    }
}
