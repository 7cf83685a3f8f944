using System.Text.Json;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Json;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Events;

/// <summary>
/// Every field of a decoded event in one comparable string: the event as JSON, spelled as a PHP form
/// (so 164 and "164", true and "1", {} and absent compare equal, as they do on the wire).
/// </summary>
internal static class EventSnapshot
{
    public static string Of(BotEvent evt, params string[] without)
    {
        var tree = JsonSerializer.SerializeToNode(evt, evt.GetType(), BitrixJson.Options)!.AsObject();
        foreach (var name in without)
        {
            tree.Remove(name);
        }

        return PhpForm.Encode(tree);
    }
}
