using System.Text.Json.Nodes;

namespace ChatBotHost.Abstractions.Rest;

/// <summary>One named command of a <see cref="RestBatch"/>: a method and its parameters (which may hold references).</summary>
/// <param name="Name">The command's name, unique in its batch; other commands refer to its result by it.</param>
/// <param name="Method">The REST method.</param>
/// <param name="Parameters">The parameters as sent; read-only by convention (the batch owns them).</param>
public sealed record RestCommand(string Name, string Method, JsonObject Parameters);
