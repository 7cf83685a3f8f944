using System.Reflection;
using System.Runtime.Loader;

namespace ChatBotHost.LiveBots;

/// <summary>
/// The collectible context one version of a unit lives in. Everything it references resolves from the host's
/// context (so IBot and the turn types are the host's own) except a prebuilt bot's private dependencies beside it.
/// </summary>
internal sealed class BotLoadContext(string name, string? privateFolder) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (privateFolder is null || Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(assemblyName, a.GetName())))
        {
            return null;
        }

        var candidate = Path.Combine(privateFolder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromStream(new MemoryStream(File.ReadAllBytes(candidate))) : null;
    }
}
