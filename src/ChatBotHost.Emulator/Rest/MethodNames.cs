namespace ChatBotHost.Emulator.Rest;

/// <summary>REST method names as the portal compares them: case-insensitive, without a .json suffix.</summary>
internal static class MethodNames
{
    public static string Normalize(string method)
    {
        var name = method.Trim().Trim('/');
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
    }
}
