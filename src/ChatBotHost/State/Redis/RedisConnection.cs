using System.Net;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// Owns the one ConnectionMultiplexer of the host. Connects lazily on first use (or eagerly via
/// <see cref="ConnectAsync"/>), and is the single funnel through which the stores reach Redis, so connection
/// failures are reported in one way: naming the setting, never echoing the password.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    /// <summary>The configuration key the connection string comes from; named in every connection error.</summary>
    public const string SettingName = "ChatBotHost:Redis:Configuration";

    private readonly ConfigurationOptions _options;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private volatile ConnectionMultiplexer? _multiplexer;
    private volatile bool _disposed;

    /// <summary>Parses the StackExchange.Redis configuration string (e.g. "127.0.0.1:6379,abortConnect=false").</summary>
    public RedisConnection(string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        try
        {
            _options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException ex)
        {
            // Parse errors name the offending keyword only; the configuration string itself may carry a password.
            throw new InvalidOperationException(
                $"{SettingName} is not a valid StackExchange.Redis configuration string: {ex.Message}");
        }

        // While Redis is unreachable, a command fails at once instead of waiting in the client's backlog until its
        // timeout: intake answers 503 straight away (Bitrix24 sees the failure instead of a hung request), and the
        // health and metrics endpoints stay quick. The inbox holds what must survive; the client need not queue it.
        _options.BacklogPolicy = BacklogPolicy.FailFast;

        if (_options.EndPoints.Count == 0)
        {
            throw new InvalidOperationException($"{SettingName} names no Redis endpoint (expected e.g. \"127.0.0.1:6379\").");
        }

        Endpoints = string.Join(",", _options.EndPoints.Select(Describe));
    }

    /// <summary>The configured endpoints ("host:port,…"), safe to log: no password.</summary>
    public string Endpoints { get; }

    /// <summary>Connects now unless already connected; throws InvalidOperationException naming the setting on failure.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await GetMultiplexerAsync(cancellationToken);
    }

    /// <summary>The database the stores use, connecting first if needed.</summary>
    public async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        var multiplexer = await GetMultiplexerAsync(cancellationToken);
        return multiplexer.GetDatabase();
    }

    /// <summary>The pub/sub side of the connection (portal revocations), connecting first if needed.</summary>
    public async Task<ISubscriber> GetSubscriberAsync(CancellationToken cancellationToken)
    {
        var multiplexer = await GetMultiplexerAsync(cancellationToken);
        return multiplexer.GetSubscriber();
    }

    /// <summary>
    /// The host's one multiplexer, connecting first if needed; for the Redis health check (AspNetCore.HealthChecks.Redis),
    /// which is handed this connection so that no check opens a second one. Stores go through the methods above.
    /// </summary>
    internal async Task<IConnectionMultiplexer> GetConnectedMultiplexerAsync(CancellationToken cancellationToken) =>
        await GetMultiplexerAsync(cancellationToken);

    /// <summary>Round-trip time of a PING.</summary>
    public Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default) =>
        ExecuteAsync(database => database.PingAsync(), cancellationToken);

    /// <summary>
    /// Runs one Redis operation. Every command is bounded by the client itself: one that has no answer within the
    /// configuration's asyncTimeout (5 s unless set) fails with RedisTimeoutException, a TimeoutException.
    /// StackExchange.Redis takes no CancellationToken per command, so cancellation stops the wait, not the command:
    /// a cancelled write may still have happened.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<IDatabase, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var database = await GetDatabaseAsync(cancellationToken);
        try
        {
            return await operation(database).WaitAsync(cancellationToken);
        }
        catch (RedisConnectionException ex)
        {
            throw Unavailable("Redis is not reachable", ex);
        }
    }

    /// <summary>
    /// WAIT on the primary owning <paramref name="key"/>'s slot: how many of its replicas acknowledged every write this
    /// process sent to it so far, waiting up to <paramref name="timeout"/> for <paramref name="replicas"/> of them. WAIT is
    /// per connection, and the multiplexer keeps one interactive connection per node, which carried those writes.
    /// </summary>
    public async Task<long> WaitForReplicasAsync(RedisKey key, int replicas, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var multiplexer = await GetMultiplexerAsync(cancellationToken);
        try
        {
            var server = multiplexer.GetServer(key);
            var milliseconds = (long)Math.Ceiling(timeout.TotalMilliseconds);
            var reply = await server.ExecuteAsync("WAIT", replicas, milliseconds).WaitAsync(cancellationToken);
            return (long)reply;
        }
        catch (RedisConnectionException ex)
        {
            throw Unavailable("Redis is not reachable", ex);
        }
    }

    /// <summary>
    /// The keys matching a glob pattern on every primary (SCAN, in pages; never KEYS, which would block Redis). On a
    /// cluster each primary holds its own slots, so each is scanned; replicas would only repeat them. For rare
    /// maintenance such as purging an uninstalled portal, not for request paths.
    /// </summary>
    public async Task<IReadOnlyList<RedisKey>> ScanAsync(string pattern, CancellationToken cancellationToken)
    {
        var multiplexer = await GetMultiplexerAsync(cancellationToken);
        var keys = new HashSet<RedisKey>();
        try
        {
            foreach (var server in multiplexer.GetServers().Where(server => server.IsConnected && !server.IsReplica))
            {
                // Each page is one SCAN with the client's timeout; the token is checked between pages.
                await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 500).WithCancellation(cancellationToken))
                {
                    keys.Add(key);
                }
            }
        }
        catch (RedisConnectionException ex)
        {
            throw Unavailable("Redis is not reachable", ex);
        }

        return [.. keys];
    }

    /// <summary>Closes the connection; later calls throw ObjectDisposedException.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _connectGate.WaitAsync();
        try
        {
            if (_multiplexer is { } multiplexer)
            {
                _multiplexer = null;
                await multiplexer.CloseAsync(allowCommandsToComplete: true);
                multiplexer.Dispose();
            }
        }
        finally
        {
            _connectGate.Release();
        }
    }

    /// <summary>Closes the connection synchronously (for containers disposed without await).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connectGate.Wait();
        try
        {
            var multiplexer = _multiplexer;
            _multiplexer = null;
            multiplexer?.Close(allowCommandsToComplete: true);
            multiplexer?.Dispose();
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private async Task<ConnectionMultiplexer> GetMultiplexerAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_multiplexer is { } connected)
        {
            return connected;
        }

        await _connectGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // The connect itself is not cancelled: it is bounded by connectTimeout, and abandoning it would leak a multiplexer.
            return _multiplexer ??= await ConnectCoreAsync();
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private async Task<ConnectionMultiplexer> ConnectCoreAsync()
    {
        try
        {
            // Clone: the multiplexer may adjust the options it is given, and a retry must start from the original.
            return await ConnectionMultiplexer.ConnectAsync(_options.Clone());
        }
        catch (RedisConnectionException ex)
        {
            throw Unavailable("Could not connect to Redis", ex);
        }
    }

    private StateStoreUnavailableException Unavailable(string what, Exception cause)
    {
        // The inner exception is kept for diagnostics only when nothing in its chain repeats the password.
        var reason = Redact(cause.Message);
        var inner = MentionsPassword(cause) ? null : cause;
        return new StateStoreUnavailableException(
            $"{what} at {Endpoints} (setting {SettingName}): {reason}", inner);
    }

    private string Redact(string text) =>
        string.IsNullOrEmpty(_options.Password) ? text : text.Replace(_options.Password, "***", StringComparison.Ordinal);

    private bool MentionsPassword(Exception exception)
    {
        if (string.IsNullOrEmpty(_options.Password))
        {
            return false;
        }

        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current.Message.Contains(_options.Password, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? "?",
    };
}
