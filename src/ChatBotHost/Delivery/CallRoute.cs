using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Delivery;

/// <summary>Where one request goes: the portal (its key names bucket and suspension), its credentials, and the transport using them.</summary>
/// <param name="Portal">The portal's key (host:port or oauth.{member_id}).</param>
/// <param name="Credentials">The webhook botToken or the OAuth tokens the request is authorized with.</param>
/// <param name="Transport">The HTTP client for that portal; it does not refresh tokens itself (the pipeline does).</param>
internal sealed record CallRoute(string Portal, IBitrixCredentials Credentials, IBitrixClient Transport);
