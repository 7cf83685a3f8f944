using ChatBotHost.Emulator.Faults;

namespace ChatBotHost.Emulator.Observation;

/// <summary>A fault the portal injected into one REST request (a batch's is recorded under "batch").</summary>
/// <param name="Method">The request's method, as the URL named it (normalized).</param>
/// <param name="Kind">What was done to it.</param>
/// <param name="Timestamp">Portal clock when the fault took effect; for SlowAnswer, when the delay started.</param>
public sealed record InjectedFault(string Method, FaultKind Kind, DateTimeOffset Timestamp);
