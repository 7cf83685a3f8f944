using System.Text;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;

namespace ChatBotHost.Bitrix.Tests.Events;

/// <summary>
/// Whatever a sender posts, the routing read and the full decode end in a result or an <see cref="EventDecodingException"/>,
/// never another exception type: the intake answers that with 400, the worker dead-letters it. Bodies are real fixtures
/// mutated by a seeded generator, so a failure is reproducible from its seed.
/// </summary>
public class WebhookHostileBodyTests
{
    private const int MutationsPerFixture = 400;

    private static readonly string[] Fragments =
    [
        "[", "]", "%5B", "%5D", "&", "=", "%", "%E2%82", "%FF", "+", "[]", "[0]", "data[", "data[message][params][",
        "event=", "data=", "data[bot]=", "data[bot][id]=", "data[message][id][x]=1", "ts=", "\"", "{", "}", ":", ",",
        "\u0000", "\uFFFD", "\u00e9", "99999999999999999999", "-1", "null", "true",
    ];

    public static TheoryData<string, bool> Fixtures()
    {
        var data = new TheoryData<string, bool>();
        foreach (var type in FixtureFiles.AllTypes)
        {
            data.Add(type, true);
            data.Add(type, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void MutatedBodies_EndInAnEventOrAnEventDecodingException(string type, bool isForm)
    {
        var original = isForm ? FixtureFiles.WebhookForm(type) : FixtureFiles.WebhookJson(type);
        var contentType = isForm ? FixtureFiles.FormContentType : FixtureFiles.JsonContentType;
        var seed = (Array.IndexOf(FixtureFiles.AllTypes, type) * 2) + (isForm ? 0 : 1);
        var random = new Random(seed);

        for (var i = 0; i < MutationsPerFixture; i++)
        {
            var body = Mutate(original, random);
            var routed = Outcome(() => WebhookRouting.Read(body, contentType));
            var decoded = Outcome(() => WebhookEventDecoder.Decode(body, contentType));

            Assert.True(routed is null or EventDecodingException, $"seed {seed}, mutation {i}: routing threw {routed}");
            Assert.True(decoded is null or EventDecodingException, $"seed {seed}, mutation {i}: decode threw {decoded}");
        }
    }

    private static Exception? Outcome(Action read)
    {
        try
        {
            read();
            return null;
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return ex;
        }
    }

    private static string Mutate(string body, Random random)
    {
        var text = new StringBuilder(body);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0:
                    text.Length = at; // truncated
                    break;
                case 1:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at));
                    break;
                case 3:
                    text[at] = (char)random.Next(0, 0x3000);
                    break;
                case 4:
                    // A stretch of the body repeated: repeated keys, doubled brackets, doubled JSON members.
                    var length = Math.Min(random.Next(1, 200), text.Length - at);
                    text.Insert(at, text.ToString(at, length));
                    break;
                default:
                    text.Insert(at, string.Concat(Enumerable.Repeat(Fragments[random.Next(4)], random.Next(1, 100))));
                    break;
            }
        }

        return text.ToString();
    }
}
