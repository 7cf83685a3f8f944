using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Requests.Bots;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;

namespace ChatBotHost.Registration;

/// <summary>Turns a bot's declaration and settings into the fields of Bot.register and Bot.update.</summary>
internal static class BotFieldsFactory
{
    /// <summary>The desired registration without the token, which is added only to the request itself.</summary>
    public static BotFields Create(HostedBot bot, Uri? webhookUrl)
    {
        var profile = bot.Definition.Profile;
        return new BotFields
        {
            Code = profile.Code,
            Type = TypeName(profile.Type),
            EventMode = bot.Settings.EventMode == EventMode.Webhook ? "webhook" : "fetch",
            WebhookUrl = webhookUrl?.AbsoluteUri,
            IsHidden = profile.IsHidden,
            IsReactionsEnabled = profile.IsReactionsEnabled,
            IsSupportOpenline = profile.IsSupportOpenline,
            BackgroundId = profile.BackgroundId,
            Properties = new BotProperties
            {
                Name = profile.Name,
                LastName = profile.LastName,
                WorkPosition = profile.WorkPosition,
                Color = profile.Color,
                Gender = profile.Gender,
                Avatar = profile.Avatar,
            },
        };
    }

    /// <summary>Bot.update takes the same fields but the code and type, which cannot change.</summary>
    public static BotUpdateFields ForUpdate(BotFields desired) => new()
    {
        Properties = desired.Properties,
        EventMode = desired.EventMode,
        WebhookUrl = desired.WebhookUrl,
        IsHidden = desired.IsHidden,
        IsReactionsEnabled = desired.IsReactionsEnabled,
        IsSupportOpenline = desired.IsSupportOpenline,
        BackgroundId = desired.BackgroundId,
        ResetBackground = desired.BackgroundId is null,
    };

    private static string TypeName(BotType type) => type switch
    {
        BotType.Supervisor => "supervisor",
        BotType.Personal => "personal",
        BotType.Openline => "openline",
        _ => "bot",
    };
}
