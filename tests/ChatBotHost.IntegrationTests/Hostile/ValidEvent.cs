namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// One genuine message of the valid traffic: its text, how it was sent, which host's probe must see it, the status
/// the host answered when the suite could see it (null when an emulator posted it), and whether it must be handled.
/// </summary>
internal sealed record ValidEvent(string Text, string How, HandledEvents Where, int? Status, bool MustBeHandled);
