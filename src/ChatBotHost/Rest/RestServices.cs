using ChatBotHost.Abstractions.Rest;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBotHost.Rest;

/// <summary>Registers the author's REST API for use outside a turn (a turn's own is made by the turn).</summary>
internal static class RestServices
{
    public static IServiceCollection AddBitrixRest(this IServiceCollection services)
    {
        services.TryAddSingleton<IBitrixRestFactory, BitrixRestFactory>();
        return services;
    }
}
