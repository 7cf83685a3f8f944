using System.Globalization;

namespace ChatBotHost.Operations.Health;

/// <summary>
/// `ChatBotHost --healthcheck [url]`: asks a running host's /health/live and exits 0 when it answers 200. The ASP.NET
/// runtime image has neither curl nor wget, so the container's HEALTHCHECK runs the executable itself.
/// </summary>
internal static class HealthProbe
{
    public const string Switch = "--healthcheck";

    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        var url = args.Length > 1 ? new Uri(args[1]) : DefaultUrl();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(url);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await error.WriteLineAsync($"{url} answered {(int)response.StatusCode}");
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"{url} did not answer: {ex.Message}");
            return 1;
        }
    }

    // The ASP.NET images set ASPNETCORE_HTTP_PORTS=8080; the probe runs inside the container, so loopback it is.
    private static Uri DefaultUrl()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "8080";
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{HealthEndpoints.LivePath}"));
    }
}
