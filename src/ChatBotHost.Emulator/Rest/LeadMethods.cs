using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// crm.lead.add (answers the new id as a number) and crm.lead.list (order, filter, select, start; 50 a page, "next"
/// only when more follow, "total" always).
/// </summary>
internal static class LeadMethods
{
    public static IEnumerable<RestMethod> All() =>
    [
        new("crm.lead.add", BotAuth.None, Add),
        new("crm.lead.list", BotAuth.None, List),
    ];

    private static JsonValue Add(RestCall call)
    {
        var fields = call.Params.Object("fields") ?? throw new RestException("", "The parameter 'fields' must be array.");
        var state = call.State;
        var id = state.TakeLeadId();
        var stored = LeadJson.Defaults(id, call.UserId ?? state.Settings.AdminUserId, state.Now);
        foreach (var (key, value) in fields.Values)
        {
            var name = key.ToUpperInvariant();
            if (name != "ID" && value is JsonValue scalar)
            {
                stored[name] = Stored(scalar);
            }
        }

        state.Leads.Add(id, new EmulatedLead(id, stored));
        return JsonValue.Create(id);
    }

    private static JsonArray List(RestCall call)
    {
        var filter = call.Params.Object("filter")?.Values.ToList() ?? [];
        var select = Names(call.Params.Node("select"));
        var rows = call.State.Leads.Values.Select(LeadJson.Full).Where(row => FieldFilter.Matches(row, filter));
        var ordered = Order(rows, call.Params.Object("order")).ToList();
        var (page, paging) = ListPage.Slice(ordered, call.Params.Int("start"));
        call.Page = paging;
        return new JsonArray([.. page.Select(row => LeadJson.Selected(row, select))]);
    }

    // The first order key decides (ID ascending when none is given); numbers compare as numbers.
    private static IEnumerable<JsonObject> Order(IEnumerable<JsonObject> rows, RestParams? order)
    {
        var (field, direction) = order?.Values.FirstOrDefault() is { Key: { } key } first
            ? (key.ToUpperInvariant(), FieldFilter.Text(first.Value)?.ToUpperInvariant())
            : ("ID", "ASC");
        var comparer = Comparer<JsonObject>.Create((a, b) => Compare(FieldFilter.Text(a[field]), FieldFilter.Text(b[field])));
        return direction == "DESC" ? rows.OrderDescending(comparer) : rows.Order(comparer);
    }

    private static int Compare(string? a, string? b) =>
        decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x)
        && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);

    private static List<string> Names(JsonNode? select) => select switch
    {
        JsonArray list => [.. list.Select(n => n?.ToString() ?? "").Where(n => n.Length > 0)],
        JsonObject map => [.. map.Select(p => p.Value?.ToString() ?? "").Where(n => n.Length > 0)],
        _ => [],
    };

    // The portal stores scalars as text: 15000 → "15000", true → "Y".
    private static string? Stored(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "Y",
        JsonValueKind.False => "N",
        JsonValueKind.Null => null,
        _ => value.ToJsonString(),
    };
}
