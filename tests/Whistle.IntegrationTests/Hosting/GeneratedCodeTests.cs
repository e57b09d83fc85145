using System.Diagnostics;
using Shouldly;
using Whistle.IntegrationTests.Faults;
using Whistle.IntegrationTests.Samples;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// Outside Development Whistle loads Wolverine's handler code written ahead of time (src/Whistle/Internal/Generated)
/// instead of compiling it at start. That code is only right while it is what <c>codegen write</c> writes from today's
/// handlers, endpoints and policies: this test writes it afresh into a folder of its own and compares, file by file.
/// </summary>
public sealed class GeneratedCodeTests
{
    private static readonly string Committed = Path.Combine(Repository.Root, "src", "Whistle", "Internal", "Generated");

    [Fact]
    public async Task the_committed_generated_code_is_what_codegen_writes_from_todays_handlers()
    {
        var folder = Path.Combine(Path.GetTempPath(), "whistle-codegen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = await WriteGeneratedCode(folder);

            var fresh = Files(folder);
            fresh.Keys.ShouldNotBeEmpty(output);
            var committed = Files(Committed);
            fresh.Keys.Except(committed.Keys).ShouldBeEmpty("generated now but not committed: run ops/codegen");
            committed.Keys.Except(fresh.Keys).ShouldBeEmpty("committed but no longer generated: run ops/codegen");
            fresh.Where(f => f.Value != committed[f.Key]).Select(f => f.Key).ShouldBeEmpty("stale: run ops/codegen");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.Exists(root)
            ? Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => File.ReadAllText(f).ReplaceLineEndings("\n"))
            : [];

    /// <summary>Runs the built Whistle's <c>codegen write</c> with its output pointed at <paramref name="folder"/>.</summary>
    private static async Task<string> WriteGeneratedCode(string folder)
    {
        var dll = WhistleProcess.Assembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("codegen");
        start.ArgumentList.Add("write");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Whistle__GeneratedCodeOutputPath"] = folder;
        start.Environment["Whistle__GeneratedCode"] = "Dynamic";
        start.Environment["Whistle__Auth__SigningKey"] = AppFixture.SigningKey;
        // Writing code reads no database; pointing it at none keeps a second daemon off the tests' database.
        start.Environment["ConnectionStrings__Whistle"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        var output = await stdout + await stderr;
        process.ExitCode.ShouldBe(0, output);
        return output;
    }
}
