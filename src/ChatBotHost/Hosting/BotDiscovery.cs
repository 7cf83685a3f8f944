using System.Reflection;
using ChatBotHost.Abstractions.Declaration;

namespace ChatBotHost.Hosting;

/// <summary>Finds the <see cref="IBot"/> classes of the bot assemblies the host was built with (see <see cref="BotAssemblyAttribute"/>).</summary>
internal static class BotDiscovery
{
    public static IReadOnlyList<Type> FindBotTypes() =>
        typeof(BotDiscovery).Assembly.GetCustomAttributes<BotAssemblyAttribute>()
            .Select(a => Assembly.Load(a.AssemblyName))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBot).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
}
