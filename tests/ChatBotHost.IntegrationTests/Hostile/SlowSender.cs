using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// A client that trickles its request far below Kestrel's minimum data rate, one byte a second, over a raw socket:
/// either the headers (they never end) or the body (the headers announce more than ever comes). The host must cut it
/// (408 or a closed connection) on its own, within <see cref="Patience"/>; the sender never stops first unless the
/// patience runs out, which is a failure.
/// </summary>
internal static class SlowSender
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1);

    /// <summary>Announced by a slow body: small enough for every endpoint's size limit, so only the data rate can cut it.</summary>
    private const int AnnouncedLength = 2000;

    public static async Task<SlowOutcome> TrickleAsync(string name, Uri url, bool slowHeaders, TimeSpan bound, string contentType = FormBodies.FormType)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(url.Host, url.Port);
        var stream = client.GetStream();
        var head = new StringBuilder()
            .Append("POST ").Append(url.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(url.Authority).Append("\r\n");
        if (!slowHeaders)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\nContent-Length: ").Append(AnnouncedLength).Append("\r\n\r\n");
        }
        else
        {
            head.Append("X-Slow: ");
        }

        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        var answer = ReadAnswerAsync(stream);
        var sent = 0;
        while (!answer.IsCompleted && clock.Elapsed < Patience)
        {
            try
            {
                await stream.WriteAsync("a"u8.ToArray());
                sent++;
            }
            catch (IOException)
            {
                break; // the host closed the connection under us: that is the cut
            }

            await Task.WhenAny(answer, Task.Delay(Pace));
        }

        var cut = answer.IsCompleted || clock.Elapsed < Patience;
        var status = answer.IsCompleted ? await answer : "(closed)";
        return new SlowOutcome(name, slowHeaders ? "headers" : "body", cut, status, clock.Elapsed, sent, bound);
    }

    /// <summary>The status line the host sent, or "(closed)" when it closed without one.</summary>
    private static async Task<string> ReadAnswerAsync(NetworkStream stream)
    {
        var buffer = new byte[512];
        try
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return "(closed)";
            }

            var text = Encoding.ASCII.GetString(buffer, 0, read);
            var end = text.IndexOf('\r', StringComparison.Ordinal);
            return end < 0 ? text : text[..end];
        }
        catch (IOException)
        {
            return "(reset)";
        }
    }
}
