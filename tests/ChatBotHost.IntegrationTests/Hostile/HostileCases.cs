using System.Text;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// Makes the suite's requests from one seed: case <c>n</c> always gets the same kind, target and bytes, whatever ran
/// before it, so a failing case can be made again from the printed seed and id.
/// </summary>
internal sealed class HostileCases(GenuineForms genuine, IReadOnlyList<HostileTarget> targets, int seed)
{
    public const int LargeBody = 64 * 1024;

    private static readonly (string Kind, int Weight)[] Kinds =
    [
        ("random-bytes", 15), ("truncated", 14), ("deep-keys", 8), ("many-keys", 5), ("invalid-utf8", 12),
        ("huge-values", 3), ("repeated-keys", 12), ("json-bomb", 8), ("content-type", 13), ("get-probe", 10),
    ];

    private readonly FormBodies _forms = new(genuine);
    private readonly HostileTarget[] _posts = [.. targets.Where(t => t.Family != TargetFamily.Operations)];
    private readonly HostileTarget[] _gets = [.. targets.Where(t => t.Family == TargetFamily.Operations)];

    public HostileCase Create(int id)
    {
        var random = new Random(unchecked(seed * 1_000_003 + id));
        var kind = Pick(random);
        if (kind == "get-probe")
        {
            var get = _gets[random.Next(_gets.Length)];
            return new HostileCase(id, kind, get, ProbeUrl(get, random), null);
        }

        var target = _posts[random.Next(_posts.Length)];
        var body = Refine(Build(kind, target, random, id), target);
        if (body.Bytes.Length > LargeBody && random.Next(10) < 3)
        {
            body = body with { Chunked = true };
        }

        return new HostileCase(id, kind, target, target.Url, body);
    }

    private HostileBody Build(string kind, HostileTarget target, Random random, int id)
    {
        var chat = target.Family is TargetFamily.Chat or TargetFamily.ChatBodiless;
        return kind switch
        {
            "random-bytes" => NoiseBodies.RandomBytes(random),
            "json-bomb" => JsonBodies.Bomb(random),
            "truncated" => chat ? JsonBodies.Truncated(random, id) : _forms.Truncated(target, random, id),
            "deep-keys" => chat ? JsonBodies.DeepKeys(random, id) : _forms.DeepKeys(target, random, id),
            "many-keys" => chat ? JsonBodies.ManyKeys(random, id) : _forms.ManyKeys(target, random, id),
            "invalid-utf8" => chat ? JsonBodies.InvalidUtf8(random, id) : _forms.InvalidUtf8(target, random, id),
            "huge-values" => chat ? JsonBodies.HugeValue(random, id) : _forms.HugeValue(target, random, id),
            "repeated-keys" => chat ? JsonBodies.RepeatedKeys(random, id) : _forms.RepeatedKeys(target, random, id),
            "content-type" => chat ? JsonBodies.WrongContentType(random, id) : _forms.WrongContentType(target, random, id),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>What the endpoint, not the body, decides: doors that must stay shut, and routes that take no text.</summary>
    private static HostileBody Refine(HostileBody body, HostileTarget target)
    {
        var refined = target.Family switch
        {
            TargetFamily.WebhookRejected => body with { Allowed = Answers.Of(400, 403, 404, 413, 415), Marker = null },
            TargetFamily.Install => body with { Allowed = Answers.Of(400, 403, 409, 413, 415, 429), Marker = null },
            TargetFamily.Uninstall or TargetFamily.MethodConfirm => body with { Allowed = Answers.Of(400, 403, 413, 415), Marker = null },
            TargetFamily.ChatBodiless => body with { Allowed = IsFormLike(body.ContentType) ? Answers.Of(400, 404, 413, 415) : Answers.Of(204, 400, 404, 413, 415), Marker = null },
            TargetFamily.Chat when !target.TakesText => body with { Allowed = RefusalsOf(body.Allowed, 400), Marker = null },
            _ => body,
        };
        return refined.Bytes.Length > LargeBody ? refined with { Allowed = new HashSet<int>(refined.Allowed) { Answers.Cut } } : refined;
    }

    /// <summary>A cross-site form can send these without a preflight; the chat API must not act on them.</summary>
    private static bool IsFormLike(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)
            || contentType.StartsWith("text/plain", StringComparison.Ordinal) || contentType.StartsWith("multipart/form-data", StringComparison.Ordinal));

    /// <summary>The refusals of a set (its success answers dropped), with the given statuses added.</summary>
    private static HashSet<int> RefusalsOf(IReadOnlySet<int> allowed, params int[] plus)
    {
        var set = new HashSet<int>(allowed.Where(s => s is not (200 or 204)));
        set.UnionWith(plus);
        return set;
    }

    /// <summary>A GET with a query of junk up to 16 KB; Kestrel may refuse it as too long.</summary>
    private static Uri ProbeUrl(HostileTarget target, Random random)
    {
        var length = random.Next(4) == 0 ? random.Next(4096, 16 * 1024) : random.Next(0, 256);
        var query = new StringBuilder(length + 1).Append('?');
        const string Alphabet = "abcxyz0189=&%[]+-._~";
        for (var i = 0; i < length; i++)
        {
            query.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return new Uri(target.Url.AbsoluteUri + query.ToString().Replace("%", "%25", StringComparison.Ordinal));
    }

    private static string Pick(Random random)
    {
        var roll = random.Next(Kinds.Sum(k => k.Weight));
        foreach (var (kind, weight) in Kinds)
        {
            if (roll < weight)
            {
                return kind;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Weights do not add up.");
    }
}
