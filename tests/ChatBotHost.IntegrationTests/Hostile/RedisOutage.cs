using System.Net;
using System.Net.Sockets;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// Takes a persistent test redis-server down the hard way (SHUTDOWN NOSAVE: the process exits and every connection
/// drops, as when Redis dies) and brings it back on the same port with its append-only file, so the hosts find their
/// registrations and installations again.
/// </summary>
internal static class RedisOutage
{
    public static async Task StopAsync(RedisServer server)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("*2\r\n$8\r\nSHUTDOWN\r\n$6\r\nNOSAVE\r\n"u8.ToArray());
        var buffer = new byte[256];
        try
        {
            // A server that shut down closes the connection without a reply; an error reply means it refused.
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (read > 0)
            {
                throw new InvalidOperationException("redis-server refused SHUTDOWN: " + System.Text.Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // Reset instead of a clean close: down as well.
        }
    }

    /// <summary>Starts the server again (RedisServer reaps the exited process and starts a new one on the same port).</summary>
    public static Task StartAsync(RedisServer server) => server.RestartAsync();
}
