using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// A throwaway PostgreSQL cluster of one drill's own, in a temporary folder on a free port: a drill may restart it or
/// kill its backends without touching the cluster the other tests share. Under root, initdb and pg_ctl run as the
/// <c>postgres</c> user (initdb refuses root), as ops/lib.sh's <c>pg_as</c> does. Disposing stops it and removes it.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private PrivateCluster(string folder, int port)
    {
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    private string Data => Path.Combine(Folder, "data");

    public static async Task<PrivateCluster> StartAsync()
    {
        var folder = Path.Combine("/tmp", "whistle-drill-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var cluster = new PrivateCluster(folder, FreePort());
        try
        {
            if (IsRoot) await Run("chown", "postgres:postgres", folder);
            await AsOwner("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
            await AsOwner("pg_ctl", "-D", cluster.Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                "-o", $"-p {cluster.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c max_connections=200", "start");
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>A connection string to a database of this cluster, created if missing.</summary>
    public async Task<string> DatabaseAsync(string name)
    {
        await using var connection = await OpenAsync("postgres");
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Include Error Detail=true;Timeout=5";

    /// <summary>
    /// A connection of the drill's own, outside any pool: a pooled one could be a connection the last restart broke.
    /// </summary>
    public async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Stops the cluster as a crash would (no checkpoint, every backend killed) and starts it again; returns once it accepts connections.</summary>
    /// <remarks>The log file is named again: without it the new postmaster would write to this process's pipe, and block once it is full.</remarks>
    public Task RestartImmediatelyAsync() =>
        AsOwner("pg_ctl", "-D", Data, "-l", Path.Combine(Folder, "server.log"), "-m", "immediate", "-w", "-t", "60", "restart");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try
            {
                await AsOwner("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped: the folder goes all the same.
            }
        }
        Directory.Delete(Folder, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task AsOwner(string program, params string[] arguments) =>
        IsRoot ? Run("runuser", ["-u", "postgres", "--", Binary(program), .. arguments]) : Run(Binary(program), arguments);

    /// <summary>The PostgreSQL binaries on the PATH, else the newest under /usr/lib/postgresql (as ops/lib.sh finds them).</summary>
    private static string Binary(string program)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", program)).Where(File.Exists).Order().LastOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException($"{program} not found: install PostgreSQL (ops/postgres does).");
    }

    private static async Task Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
