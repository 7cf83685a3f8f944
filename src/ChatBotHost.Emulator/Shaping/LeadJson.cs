using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>A lead as crm.lead.list answers it: upper-case keys, every value a string or null, only the selected fields.</summary>
internal static class LeadJson
{
    /// <summary>The standard fields "*" (or no select) stands for; a field never set is null.</summary>
    public static readonly IReadOnlyList<string> StandardFields =
    [
        "ID", "TITLE", "HONORIFIC", "NAME", "SECOND_NAME", "LAST_NAME", "COMPANY_TITLE", "COMPANY_ID", "CONTACT_ID",
        "IS_RETURN_CUSTOMER", "BIRTHDATE", "SOURCE_ID", "SOURCE_DESCRIPTION", "STATUS_ID", "STATUS_DESCRIPTION", "POST",
        "COMMENTS", "CURRENCY_ID", "OPPORTUNITY", "IS_MANUAL_OPPORTUNITY", "HAS_PHONE", "HAS_EMAIL", "HAS_IMOL",
        "ASSIGNED_BY_ID", "CREATED_BY_ID", "MODIFY_BY_ID", "DATE_CREATE", "DATE_MODIFY", "DATE_CLOSED",
        "STATUS_SEMANTIC_ID", "OPENED", "ORIGINATOR_ID", "ORIGIN_ID", "ADDRESS", "UTM_SOURCE", "UTM_MEDIUM",
        "UTM_CAMPAIGN", "UTM_CONTENT", "UTM_TERM",
    ];

    /// <summary>What a new lead holds before the caller's fields are laid over it.</summary>
    public static Dictionary<string, string?> Defaults(int id, int userId, DateTimeOffset now)
    {
        var user = userId.ToString(CultureInfo.InvariantCulture);
        var date = WireDate.Format(now);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ID"] = id.ToString(CultureInfo.InvariantCulture),
            ["TITLE"] = $"Lead #{id.ToString(CultureInfo.InvariantCulture)}",
            ["COMPANY_ID"] = "0",
            ["IS_RETURN_CUSTOMER"] = "N",
            ["BIRTHDATE"] = "",
            ["STATUS_ID"] = "NEW",
            ["CURRENCY_ID"] = "USD",
            ["OPPORTUNITY"] = "0.00",
            ["IS_MANUAL_OPPORTUNITY"] = "N",
            ["HAS_PHONE"] = "N",
            ["HAS_EMAIL"] = "N",
            ["HAS_IMOL"] = "N",
            ["ASSIGNED_BY_ID"] = user,
            ["CREATED_BY_ID"] = user,
            ["MODIFY_BY_ID"] = user,
            ["DATE_CREATE"] = date,
            ["DATE_MODIFY"] = date,
            ["STATUS_SEMANTIC_ID"] = "P",
            ["OPENED"] = "Y",
        };
    }

    /// <summary>Every stored field, standard ones first (for filtering).</summary>
    public static JsonObject Full(EmulatedLead lead)
    {
        var json = new JsonObject();
        foreach (var name in StandardFields.Concat(lead.Fields.Keys).Distinct(StringComparer.Ordinal))
        {
            json[name] = lead.Fields.GetValueOrDefault(name);
        }

        return json;
    }

    /// <summary>Only the selected fields ("*" = the standard ones); ID is always there.</summary>
    public static JsonObject Selected(JsonObject full, IReadOnlyList<string> select)
    {
        // "*" stands for the standard fields; other masks (UF_*: custom fields) select nothing here, having none.
        var names = select.Count == 0
            ? StandardFields
            : select.SelectMany(s => s == "*" ? StandardFields : s.Contains('*', StringComparison.Ordinal) ? [] : [s]).Prepend("ID");
        var json = new JsonObject();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var key = name.ToUpperInvariant();
            json[key] = full.TryGetPropertyValue(key, out var value) ? value?.DeepClone() : null;
        }

        return json;
    }
}
