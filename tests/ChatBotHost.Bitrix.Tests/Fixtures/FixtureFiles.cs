using System.Text.Json;

namespace ChatBotHost.Bitrix.Tests.Fixtures;

/// <summary>The PHP-made golden fixtures, read from the test output folder.</summary>
internal static class FixtureFiles
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    public const string JsonContentType = "application/json";

    /// <summary>The fake tokens the fixtures carry; none may ever appear in ToString output or exception messages.</summary>
    public static readonly string[] Secrets = ["TESTAPPTOKEN", "FAKEACCESSTOKEN", "FAKEBOTAPPTOKEN"];

    /// <summary>The 8 ONIMBOTV2* types, one fixture set each.</summary>
    public static readonly string[] AllTypes =
    [
        "ONIMBOTV2MESSAGEADD",
        "ONIMBOTV2MESSAGEUPDATE",
        "ONIMBOTV2MESSAGEDELETE",
        "ONIMBOTV2JOINCHAT",
        "ONIMBOTV2DELETE",
        "ONIMBOTV2CONTEXTGET",
        "ONIMBOTV2COMMANDADD",
        "ONIMBOTV2REACTIONCHANGE",
    ];

    public static TheoryData<string> EventTypes => new(AllTypes);

    public static string WebhookForm(string type) => Read("Webhook", $"{type}.form.txt");

    public static string WebhookJson(string type) => Read("Webhook", $"{type}.json");

    public static JsonElement Fetch(string type)
    {
        using var document = JsonDocument.Parse(Read("Fetch", $"{type}.json"));
        return document.RootElement.Clone();
    }

    private static string Read(string folder, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, name));
}
