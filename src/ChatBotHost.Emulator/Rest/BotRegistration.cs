using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Portal.State;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>imbot.v2.Bot.register and Bot.update (spec §4.1).</summary>
internal static class BotRegistration
{
    private const int MaxBots = 100;

    public static JsonObject Register(RestCall call)
    {
        var state = call.State;
        var fields = call.Fields;
        var token = call.Token ?? fields.Text("botToken")
            ?? throw new RestException("BOT_TOKEN_NOT_SPECIFIED", "Bot token is not specified");
        BotFieldRules.TokenLength(token);
        var code = fields.Text("code") ?? throw new RestException("BOT_CODE_REQUIRED", "Bot code is required");
        if (state.FindBot(code) is { } existing)
        {
            // Idempotent by code for the same app (its token); Bitrix24 returns the bot unchanged.
            return string.Equals(existing.Token, token, StringComparison.Ordinal)
                ? Answer(existing, state)
                : throw new RestException("BOT_CODE_ALREADY_TAKEN", "Bot code is already taken by another application");
        }

        var properties = fields.Object("properties");
        if (properties?.Text("name") is null)
        {
            throw new RestException("BOT_PROPERTIES_REQUIRED", "Bot properties with a name are required");
        }

        var type = BotFieldRules.Type(fields.Text("type"));
        var mode = BotFieldRules.EventMode(fields.Text("eventMode")) ?? "fetch";
        var url = BotFieldRules.WebhookUrl(fields.String("webhookUrl"));
        BotFieldRules.RequireWebhookUrl(mode, url);
        if (state.Bots.Count >= MaxBots)
        {
            throw new RestException("BOT_LIMIT_EXCEEDED", "Too many bots");
        }

        var bot = new BotState(state.TakeUserId(), code, token, new WebhookLane(state.Lanes))
        {
            Type = type,
            EventMode = mode,
            WebhookUrl = url,
            IsHidden = fields.Bool("isHidden") ?? false,
            IsReactionsEnabled = fields.Bool("isReactionsEnabled") ?? true,
            IsSupportOpenline = fields.Bool("isSupportOpenline") ?? false,
            BackgroundId = BotFieldRules.Background(fields.Text("backgroundId")),
        };
        BotProperties.Merge(bot.Properties, properties);
        state.Bots.Add(bot.Id, bot);
        state.Users[bot.Id] = BotProperties.UserOf(bot, state.Now);
        return Answer(bot, state);
    }

    public static JsonObject Update(RestCall call)
    {
        var (bot, state) = (call.Bot, call.State);
        var fields = call.Params.Object("fields") ?? throw new RestException("PARAMS_REQUIRED", "Fields are required");

        // Validate everything first: an update applies entirely or not at all.
        var mode = BotFieldRules.EventMode(fields.Text("eventMode")) ?? bot.EventMode;
        var url = fields.Has("webhookUrl") ? BotFieldRules.WebhookUrl(fields.String("webhookUrl")) : bot.WebhookUrl;
        BotFieldRules.RequireWebhookUrl(mode, url);
        var newToken = fields.Text("botToken")?.Trim();
        if (newToken is not null)
        {
            BotFieldRules.TokenLength(newToken);
            if (state.Bots.Values.Any(b => b.Id != bot.Id && b.Token == newToken && b.Token != bot.Token))
            {
                throw new RestException("BOT_TOKEN_ROTATION_FAILED", "Bot token rotation failed");
            }
        }

        var rebind = mode != bot.EventMode || url != bot.WebhookUrl || (newToken is not null && newToken != bot.Token);
        (bot.EventMode, bot.WebhookUrl) = (mode, url);
        bot.Token = newToken ?? bot.Token; // the old token is dead from here on
        bot.IsHidden = fields.Bool("isHidden") ?? bot.IsHidden;
        bot.IsReactionsEnabled = fields.Bool("isReactionsEnabled") ?? bot.IsReactionsEnabled;
        bot.IsSupportOpenline = fields.Bool("isSupportOpenline") ?? bot.IsSupportOpenline;
        if (fields.Has("backgroundId"))
        {
            bot.BackgroundId = BotFieldRules.Background(fields.Text("backgroundId"));
        }

        if (fields.Object("properties") is { } properties)
        {
            BotProperties.Merge(bot.Properties, properties);
            state.Users[bot.Id] = BotProperties.UserOf(bot, state.Now);
        }

        if (rebind)
        {
            bot.RegenerateApplicationToken(); // the event subscriptions are rebuilt under a new synthetic token
        }

        return Answer(bot, state);
    }

    public static JsonObject Answer(BotState bot, PortalState state) =>
        new() { ["bot"] = BotJson.Extended(bot, state), ["users"] = BotJson.Users(bot, state) };
}
