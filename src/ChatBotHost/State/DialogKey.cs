namespace ChatBotHost.State;

/// <summary>Names one dialog of one bot on one portal; every per-dialog key derives from it.</summary>
public readonly record struct DialogKey(string Portal, int BotId, string DialogId)
{
    public override string ToString() => $"{Portal}/{BotId}/{DialogId}";
}
