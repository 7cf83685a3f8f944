using ChatBotHost.State;

namespace ChatBotHost.Pipeline;

/// <summary>A turn's state save lost a race: another turn saved the same dialog after this one loaded it.</summary>
internal sealed class DialogStateConflictException(DialogKey key)
    : Exception($"The state of dialog {key} was changed by another turn; this turn's changes were not saved.");
