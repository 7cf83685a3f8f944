namespace ChatBotHost.Bitrix.Client;

/// <summary>The one choke point for REST calls to a portal: URL, authorization, error mapping.</summary>
public interface IBitrixClient
{
    /// <summary>Calls the method and returns its <c>result</c>, or throws <see cref="BitrixApiException"/>.</summary>
    Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken);
}
