using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Tests.Support;

/// <summary>Starts a fresh emulator on a free loopback port per test and a raw HTTP client for it.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected const string Token = "0123456789abcdef0123456789abcdef";

    /// <summary>Failure guard for awaited signals, never a pacing device.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private BitrixEmulator? _emulator;
    private PortalClient? _client;

    protected BitrixEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    protected EmulatedPortal Portal => Emulator.Portal;

    internal PortalClient Client => _client ?? throw new InvalidOperationException("Not started.");

    protected int Admin => Portal.AdminUserId;

    /// <summary>How the test's emulator is started; tests of limits and faults set a clock and a rate limit.</summary>
    protected virtual EmulatorOptions Options => new();

    public async Task InitializeAsync()
    {
        _emulator = await BitrixEmulator.StartAsync(Options, CancellationToken.None);
        _client = new PortalClient(_emulator.WebhookUrl);
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
