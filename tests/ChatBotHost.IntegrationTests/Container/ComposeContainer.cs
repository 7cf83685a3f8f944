using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChatBotHost.Emulator;

namespace ChatBotHost.IntegrationTests.Container;

/// <summary>
/// The environment a container of the image started by docker/compose.yaml has: the image's ENV, then compose's
/// (which wins), filled from a user's shell that set only what README asks for (the portal's webhook URL and an invented
/// echo token); compose's Redis service is the given endpoint; the port a free loopback one instead of 8080.
/// </summary>
internal sealed class ComposeContainer
{
    public const string RedisKey = "ChatBotHost__Redis__Configuration";
    private const string ComposeRedis = "redis:6379";

    private ComposeContainer(Dictionary<string, string> variables, int port, string echoToken)
    {
        Variables = variables;
        Port = port;
        EchoToken = echoToken;
    }

    public Dictionary<string, string> Variables { get; }

    public int Port { get; }

    public string EchoToken { get; }

    public Uri Url(string path) => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}{path}");

    /// <param name="emulator">The portal.</param>
    /// <param name="redisEndpoint">Where compose's redis service is.</param>
    /// <param name="moreShell">Further variables the user set, given the host's address (e.g. PUBLIC_URL for webhook mode).</param>
    public static ComposeContainer Create(BitrixEmulator emulator, string redisEndpoint, Func<Uri, IReadOnlyDictionary<string, string>>? moreShell = null)
    {
        var echoToken = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var port = FreePort();
        var shell = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BITRIX_WEBHOOK_URL"] = emulator.WebhookUrl.AbsoluteUri,
            ["ECHO_BOT_TOKEN"] = echoToken,
        };
        foreach (var (name, value) in moreShell?.Invoke(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/")) ?? new Dictionary<string, string>())
        {
            shell[name] = value;
        }

        var variables = new Dictionary<string, string>(DockerfileText.Load().RuntimeEnvironment(), StringComparer.Ordinal)
        {
            // The aspnet base image's own, which the Dockerfile builds on.
            ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
        };
        foreach (var (name, value) in ComposeFile.Environment(RepositoryFiles.Read(ComposeFile.Path), "host"))
        {
            variables[name] = ComposeFile.Substitute(value, shell);
        }

        if (!variables.TryGetValue(RedisKey, out var redis) || !redis.Contains(ComposeRedis, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{ComposeFile.Path} should point {RedisKey} at its {ComposeRedis} service.");
        }

        variables[RedisKey] = redis.Replace(ComposeRedis, redisEndpoint, StringComparison.Ordinal);

        // The image listens on 8080 on every interface; here a free port, on loopback only. HTTP_PORTS is kept in step,
        // since the HEALTHCHECK's probe reads it to find the host.
        if (!variables.ContainsKey("ASPNETCORE_HTTP_PORTS"))
        {
            throw new InvalidOperationException($"{DockerfileText.Path} should set ASPNETCORE_HTTP_PORTS, which the HEALTHCHECK's probe reads.");
        }

        variables["ASPNETCORE_HTTP_PORTS"] = port.ToString(CultureInfo.InvariantCulture);
        variables["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        return new ComposeContainer(variables, port, echoToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
