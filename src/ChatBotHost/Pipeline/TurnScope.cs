using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;

namespace ChatBotHost.Pipeline;

/// <summary>
/// Knows, inside a turn's service scope, which bot the turn is for, so scoped services such as
/// <see cref="BotConfiguration"/> can be injected into dialogs, handlers and middleware.
/// </summary>
internal sealed class TurnScope(IConfiguration configuration)
{
    private HostedBot? _bot;

    public HostedBot Bot
    {
        get => _bot ?? throw new InvalidOperationException("This service scope does not belong to a turn.");
        set => _bot = value;
    }

    public BotConfiguration Configuration =>
        new(Bot.Code, configuration.GetSection($"{ChatBotHostOptions.SectionName}:Bots:{Bot.Code}"));

    public static void Register(IServiceCollection services)
    {
        services.AddScoped<TurnScope>();
        services.AddScoped(sp => sp.GetRequiredService<TurnScope>().Configuration);
    }
}
