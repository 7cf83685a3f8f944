using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChatBotHost.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>The configuration a test host runs with, as the key/value pairs an operator would set.</summary>
internal sealed class HostSettings
{
    public const string EchoToken = "echo-token-0123456789abcdef";
    public const string CounterToken = "counter-token-0123456789abcdef";
    public const string HelpdeskToken = "helpdesk-token-0123456789abcdef";
    public const string ReminderToken = "reminder-token-0123456789abcdef";
    public const string DigestToken = "digest-token-0123456789abcdef";

    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public HostSettings(BitrixEmulator emulator, string? redis, string eventMode)
    {
        Port = FreePort();
        Set("ChatBotHost:Portal:WebhookUrl", emulator.WebhookUrl.AbsoluteUri);
        Set("ChatBotHost:Redis:Configuration", redis ?? "");
        Set("ChatBotHost:PublicUrl", $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");
        Set("ChatBotHost:Bots:echo:BotToken", EchoToken);
        Set("ChatBotHost:Bots:echo:EventMode", eventMode);
        Set("ChatBotHost:Bots:counter:BotToken", CounterToken);
        Set("ChatBotHost:Bots:counter:EventMode", eventMode);
        Set("ChatBotHost:Bots:helpdesk:BotToken", HelpdeskToken);
        Set("ChatBotHost:Bots:helpdesk:EventMode", eventMode);
        Set("ChatBotHost:Bots:reminder:BotToken", ReminderToken);
        Set("ChatBotHost:Bots:reminder:EventMode", eventMode);
        Set("ChatBotHost:Bots:digest:BotToken", DigestToken);
        Set("ChatBotHost:Bots:digest:EventMode", eventMode);

        // Fast polling keeps the tests short; correctness never depends on these delays.
        Set("ChatBotHost:Fetch:IdleDelay", "00:00:00.050");
        Set("ChatBotHost:Fetch:BusyDelay", "00:00:00");
        Set("ChatBotHost:Timers:PollInterval", "00:00:00.100");
        // Short enough that a timer claimed by a killed replica is fired by another within a test's patience.
        Set("ChatBotHost:Timers:ClaimLease", "00:00:03");
        // Likewise for a dialog a killed replica was running, and for the polling of a bot it held.
        Set("ChatBotHost:Inbox:ClaimLease", "00:00:03");
        Set("ChatBotHost:Fetch:PollerLease", "00:00:03");
        // Polling every 50 ms would spend the portal's real bucket (2/s) at once and make every reply queue behind it;
        // tests of the limiter set their own.
        Set("ChatBotHost:RateLimit:DrainPerSecond", "1000");
        Set("ChatBotHost:RateLimit:Burst", "1000");
        Set("Serilog:MinimumLevel:Default", "Warning");
    }

    public int Port { get; }

    public IReadOnlyDictionary<string, string?> Values => _values;

    /// <summary>Extra services put in before the host's own (and before logging is set up, so a log sink counts).</summary>
    public Action<IServiceCollection>? Services { get; set; }

    public HostSettings Set(string key, string? value)
    {
        _values[key] = value;
        return this;
    }

    /// <summary>The settings as command-line arguments, for a host started as a separate process.</summary>
    public IEnumerable<string> AsArguments() =>
        _values.Select(kv => $"--{kv.Key}={kv.Value}").Append($"--urls=http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
