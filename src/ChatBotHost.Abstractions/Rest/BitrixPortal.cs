namespace ChatBotHost.Abstractions.Rest;

/// <summary>An application portal the host serves.</summary>
/// <param name="MemberId">The portal's stable id (pass it to <see cref="IBitrixRestFactory.ForApplicationPortal"/>).</param>
/// <param name="Domain">Its domain as last known (it may change; the member_id does not).</param>
public sealed record BitrixPortal(string MemberId, string? Domain);
