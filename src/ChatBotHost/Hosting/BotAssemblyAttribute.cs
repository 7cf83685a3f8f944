namespace ChatBotHost.Hosting;

/// <summary>
/// Names an assembly whose <c>IBot</c> classes the host serves. The csproj emits one per bot project, because the
/// compiler drops references to assemblies whose types the host never names, so scanning references would miss them.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class BotAssemblyAttribute(string assemblyName) : Attribute
{
    public string AssemblyName { get; } = assemblyName;
}
