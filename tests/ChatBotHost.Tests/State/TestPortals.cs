namespace ChatBotHost.Tests.State;

/// <summary>Fresh portal names, so tests sharing one Redis never see each other's keys.</summary>
internal static class TestPortals
{
    public static string Unique() => $"p{Guid.NewGuid():N}.bitrix24.test";
}
