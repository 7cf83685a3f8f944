using System.Diagnostics;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// Sends one hostile request at a time and measures it: wall time, the process's CPU time and the bytes it allocated
/// while the request ran. The host runs in this process, so the CPU and allocations are the host's (plus whatever
/// else runs meanwhile: a generous bound, not a benchmark).
/// </summary>
internal sealed class HostileClient : IDisposable
{
    /// <summary>Far above the per-request bound: a request that takes this long is reported, not waited for.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>How much of an answer is kept: enough for the whole of /health/ready and any error body.</summary>
    private const int MaxAnswer = 4000;

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = Timeout };

    public async Task<HostileOutcome> SendAsync(HostileCase hostile, bool duringOutage)
    {
        using var request = new HttpRequestMessage(hostile.Target.Method, hostile.Url);
        // A fresh connection each: the host may close one after refusing a body it did not read, and a request sent on
        // a pooled connection the host was just closing would fail in the client, not in the host.
        request.Headers.ConnectionClose = true;
        if (hostile.Body is { } body)
        {
            var content = new ByteArrayContent(body.Bytes);
            if (body.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
            }

            if (body.Chunked)
            {
                request.Headers.TransferEncodingChunked = true;
            }
            else
            {
                content.Headers.ContentLength = body.Bytes.Length;
            }

            request.Content = content;
        }

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        int status;
        string answer;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            status = (int)response.StatusCode;
            answer = await response.Content.ReadAsStringAsync();
        }
        catch (TaskCanceledException)
        {
            (status, answer) = (Answers.Timeout, "");
        }
        catch (HttpRequestException ex)
        {
            (status, answer) = (Answers.Cut, ex.Message);
        }

        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        return new HostileOutcome(
            hostile.Id, hostile.Kind, hostile.Target.Name, status, answer.Length > MaxAnswer ? answer[..MaxAnswer] : answer, clock.Elapsed, cpu, allocated,
            hostile.Body?.Bytes.Length ?? 0, hostile.Body?.Allowed ?? Answers.Of(200, 400, 404, 405, 414, 431), hostile.Body?.Marker, hostile.Body?.Note, duringOutage);
    }

    public void Dispose() => _http.Dispose();
}
