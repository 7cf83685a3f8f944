using System.Globalization;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Bots;
using ChatBotHost.Hosting;
using ChatBotHost.Registration;
using ChatBotHost.State;

namespace ChatBotHost.Operations.Cli;

/// <summary>`bots list|register|unregister`: the declared bots as this host knows them and as the portal does.</summary>
internal sealed class BotCommands(IServiceProvider services, TextWriter output)
{
    private BotDirectory Bots => services.GetRequiredService<BotDirectory>();

    private IBotRegistrationStore Registrations => services.GetRequiredService<IBotRegistrationStore>();

    public async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var table = new TextTable("code", "enabled", "mode", "portal", "stored id", "on the portal");
        foreach (var bot in Bots.All.OrderBy(b => b.Code, StringComparer.Ordinal))
        {
            var stored = await Registrations.GetAsync(bot.Portal.Key, bot.Code, cancellationToken);
            table.Add(
                bot.Code,
                bot.Settings.Enabled ? "yes" : "no",
                bot.Settings.EventMode.ToString().ToLowerInvariant(),
                bot.Portal.Key,
                stored?.BotId.ToString(CultureInfo.InvariantCulture),
                await PortalStateAsync(bot, cancellationToken));
        }

        await table.WriteAsync(output);
        return 0;
    }

    public async Task<int> RegisterAsync(string code, CancellationToken cancellationToken)
    {
        if (Find(code) is not { } bot)
        {
            return await UnknownAsync(code);
        }

        await services.GetRequiredService<BotReconciler>().ReconcileAsync(bot, cancellationToken);
        await output.WriteLineAsync($"Bot '{bot.Code}' is registered on {bot.Portal.Key} with id {bot.BotId} ({bot.Settings.EventMode.ToString().ToLowerInvariant()} mode).");
        return 0;
    }

    public async Task<int> UnregisterAsync(string code, CancellationToken cancellationToken)
    {
        if (Find(code) is not { } bot)
        {
            return await UnknownAsync(code);
        }

        if (LacksToken(bot))
        {
            await output.WriteLineAsync($"Bot '{bot.Code}' has no token here: set {TokenSetting(bot)} to the token it was registered with, then unregister it.");
            return 1;
        }

        var stored = await Registrations.GetAsync(bot.Portal.Key, bot.Code, cancellationToken);
        var botId = stored?.BotId ?? await FindOnPortalAsync(bot, cancellationToken);
        if (botId is not { } id)
        {
            await output.WriteLineAsync($"Bot '{bot.Code}' is not registered on {bot.Portal.Key}.");
            return 1;
        }

        try
        {
            await bot.Portal.CreateClient(bot.BotToken, id).CallAsync(new BotUnregisterRequest(), cancellationToken);
        }
        catch (BitrixApiException ex) when (ex.Error == "BOT_NOT_FOUND")
        {
            // Gone from the portal already: forgetting the registration is all that is left to do.
        }

        await Registrations.DeleteAsync(bot.Portal.Key, bot.Code, cancellationToken);
        await output.WriteLineAsync($"Bot '{bot.Code}' (id {id}) is unregistered from {bot.Portal.Key}. A host that declares it registers it again when it starts; disable it with ChatBotHost:Bots:{bot.Code}:Enabled=false.");
        return 0;
    }

    private HostedBot? Find(string code) => Bots.FindByCode(code);

    private async Task<int> UnknownAsync(string code)
    {
        await output.WriteLineAsync($"No bot '{code}' is declared here; declared: {string.Join(", ", Bots.All.Select(b => b.Code).Order(StringComparer.Ordinal))}.");
        return 1;
    }

    // A disabled bot may go without a token (settings allow it); asking the portal without one would only show an
    // authorization error. Bots of an application portal never have one: the application's token speaks for them.
    private static bool LacksToken(HostedBot bot) => bot.BotToken is null && bot.Portal.OAuth is null;

    private static string TokenSetting(HostedBot bot) => $"ChatBotHost:Bots:{bot.Code}:BotToken";

    private static async Task<string> PortalStateAsync(HostedBot bot, CancellationToken cancellationToken)
    {
        if (LacksToken(bot))
        {
            return $"not asked: no {TokenSetting(bot)}";
        }

        try
        {
            var found = await bot.Portal.CreateClient(bot.BotToken, botId: null).CallAsync(new BotGetRequest { Code = bot.Code }, cancellationToken);
            return $"registered, id {found.Bot.Id}, {found.Bot.EventMode ?? "fetch"} mode";
        }
        catch (BitrixApiException ex)
        {
            return ex.Error == "BOT_NOT_FOUND" ? "not registered" : ex.Error;
        }
    }

    private static async Task<int?> FindOnPortalAsync(HostedBot bot, CancellationToken cancellationToken)
    {
        try
        {
            return (await bot.Portal.CreateClient(bot.BotToken, botId: null).CallAsync(new BotGetRequest { Code = bot.Code }, cancellationToken)).Bot.Id;
        }
        catch (BitrixApiException ex) when (ex.Error == "BOT_NOT_FOUND")
        {
            return null;
        }
    }
}
