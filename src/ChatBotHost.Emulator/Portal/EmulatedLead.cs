namespace ChatBotHost.Emulator.Portal;

/// <summary>A CRM lead created with crm.lead.add: its id and its fields as the portal stores them (every scalar a string).</summary>
public sealed record EmulatedLead(int Id, IReadOnlyDictionary<string, string?> Fields)
{
    public string Title => Fields.GetValueOrDefault("TITLE") ?? "";
}
