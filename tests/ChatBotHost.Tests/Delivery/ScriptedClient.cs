using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Tests.Delivery;

/// <summary>A client whose n-th call throws what <see cref="Failure"/> says for it (null: succeeds with a default result).</summary>
internal sealed class ScriptedClient : IBitrixClient
{
    private int _calls;

    public Func<int, BitrixApiException?> Failure { get; set; } = _ => null;

    public int Calls => Volatile.Read(ref _calls);

    public Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        return Failure(call) is { } failure ? Task.FromException<TResult>(failure) : Task.FromResult(default(TResult)!);
    }
}
