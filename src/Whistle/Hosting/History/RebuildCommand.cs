using System.Diagnostics;
using JasperFx.CommandLine;
using Whistle.Hosting.Projections;
using Wolverine.Runtime.Agents;

namespace Whistle.Hosting.History;

/// <summary>The flags of <c>rebuild</c>.</summary>
public sealed class RebuildInput : NetCoreInput
{
    [Description("One projection, with the projections that read its documents (default: every projection)")]
    public string? ProjectionFlag { get; set; }
}

/// <summary>
/// <c>dotnet run --project src/Whistle -- rebuild [--projection name]</c>: rebuilds projections from the events, each after
/// the projections it reads, with a line per projection (events replayed, documents written, seconds) and the elapsed
/// time. It starts the service's own host (on a free local port) so that the rebuild runs through the daemon Wolverine
/// assigns; with the service running on several nodes, use the admin endpoint instead (this node may not hold the daemon).
/// </summary>
[Description("Rebuilds projections from the events with progress (issue 13 §5)", Name = "rebuild")]
public sealed class RebuildCommand : JasperFxAsyncCommand<RebuildInput>
{
    public override async Task<bool> Execute(RebuildInput input)
    {
        using var host = input.BuildHost();
        if (host is WebApplication web)
        {
            web.Urls.Clear();
            web.Urls.Add("http://127.0.0.1:0");
        }
        await host.StartAsync();
        try
        {
            var rebuilds = host.Services.GetRequiredService<ProjectionRebuilds>();
            var clock = Stopwatch.StartNew();
            var rebuilt = await ProjectionRebuildRun.RunAsync(rebuilds, input.ProjectionFlag, new HistoryProgress("rebuild", "projections", 0), CancellationToken.None);
            if (rebuilt is null)
            {
                await Console.Error.WriteLineAsync(
                    $"没有名为“{input.ProjectionFlag}”的投影。可重建：{string.Join("、", rebuilds.Catalogue().Names)}。"
                    + $" No projection is named '{input.ProjectionFlag}'. The projections are: {string.Join(", ", rebuilds.Catalogue().Names)}.");
                return false;
            }
            Console.WriteLine($"重建 {rebuilt.Count} 个投影，用时 {clock.Elapsed.TotalSeconds:0.0} 秒。Rebuilt {rebuilt.Count} projections in {clock.Elapsed.TotalSeconds:0.0} s.");
            return true;
        }
        catch (DaemonNotRunningOnThisNodeException)
        {
            await Console.Error.WriteLineAsync("本节点未运行投影守护进程：请在维护窗口停止服务后重试，或调用管理接口重建。"
                + " The projection daemon runs on another node: stop the service for a maintenance window, or use the admin endpoint.");
            return false;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
