namespace ChatBotHost.Emulator.OAuth;

/// <summary>
/// One request for the administrator's confirmation: an application's access token called a method that needs it.
/// The access token itself is not shown (it is a secret); a refreshed token makes a new request.
/// </summary>
/// <param name="Id">The request's number, used to decide it.</param>
/// <param name="Method">The method asked for, as the portal names it.</param>
/// <param name="UserId">The user the asking access token acts as.</param>
/// <param name="RequestedAt">When the first call arrived (portal clock).</param>
/// <param name="State">Pending, allowed or denied.</param>
public sealed record MethodConfirmation(int Id, string Method, int UserId, DateTimeOffset RequestedAt, ConfirmationState State);
