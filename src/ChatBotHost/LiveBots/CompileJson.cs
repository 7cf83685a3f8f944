using System.Text.Json.Serialization;

namespace ChatBotHost.LiveBots;

/// <summary>The host–compiler protocol's serializers, generated at build time: the child starts cold, without reflection.</summary>
[JsonSerializable(typeof(CompileRequest))]
[JsonSerializable(typeof(IReadOnlyList<CompileOutcome>))]
internal sealed partial class CompileJson : JsonSerializerContext;
