using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Rest;

/// <summary>One method invocation as a handler sees it; handlers run under the portal lock.</summary>
internal sealed class RestCall(PortalState state, RestParams parameters, string? token, BotState? bot, Caller caller)
{
    public PortalState State { get; } = state;

    public RestParams Params { get; } = parameters;

    /// <summary>The caller's botToken (null for methods that need none).</summary>
    public string? Token { get; } = token;

    /// <summary>The portal user the credentials act as: the webhook's creator, or the OAuth access token's user.</summary>
    public int? UserId => Caller.UserId;

    /// <summary>Who called: the user and, for an application, its access token.</summary>
    public Caller Caller { get; } = caller;

    /// <summary>Set by a list method: its "next" and "total", written beside the result.</summary>
    public ListPage? Page { get; set; }

    /// <summary>The authorized bot for methods that take botId.</summary>
    public BotState Bot => bot ?? throw new InvalidOperationException("This method was not declared with a botId.");

    /// <summary>The "fields" object, or an empty one.</summary>
    public RestParams Fields => Params.Object("fields") ?? RestParams.Empty;
}
