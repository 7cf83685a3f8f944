using ChatBotHost.State;
using ChatBotHost.State.Redis;

namespace ChatBotHost.Tests.State;

public sealed class RedisKeysTests
{
    private readonly RedisKeys _keys = new();

    [Fact]
    public void Families_PlainComponents_UseDocumentedLayout()
    {
        Assert.Equal("cbh:{b24.example.ru:7:chat42}:state", _keys.DialogState(new DialogKey("b24.example.ru", 7, "chat42")));
        Assert.Equal("cbh:{b24.example.ru:echo}:offset", _keys.Offset("b24.example.ru", "echo"));
        Assert.Equal("cbh:{b24.example.ru:7}:seen:m-1", _keys.Seen("b24.example.ru", 7, "m-1"));
        Assert.Equal("cbh:{b24.example.ru:echo}:registration", _keys.Registration("b24.example.ru", "echo"));
        Assert.Equal("cbh:{b24.example.ru}:ratelimit", _keys.RateLimit("b24.example.ru"));
        Assert.Equal("cbh:{b24.example.ru:echo:e%3A5#1}:sent", _keys.Sent("b24.example.ru", "echo", "e:5#1"));
        Assert.Equal("cbh:{deadletters:b24.example.ru}:list", _keys.DeadLetters("b24.example.ru"));
        Assert.Equal("cbh:{deadletters:b24.example.ru}:entries", _keys.DeadLetterEntries("b24.example.ru"));
    }

    [Fact]
    public void InboxKeys_OnePortal_ShareOneHashTagWhateverTheBotAndDialog()
    {
        Assert.Equal("cbh:{inbox:b24.example.ru}:q:echo:chat%3A1%7D", _keys.InboxQueue("b24.example.ru", "echo", "chat:1}"));
        Assert.Equal("cbh:{inbox:b24.example.ru}:q:echo:chat%3A1%7D", _keys.InboxQueue("b24.example.ru", RedisKeys.InboxMember("echo", "chat:1}")));
        Assert.Equal("cbh:{inbox:b24.example.ru}:ready", _keys.InboxReady("b24.example.ru"));
        Assert.Equal("cbh:{inbox:b24.example.ru}:owners", _keys.InboxOwners("b24.example.ru"));
        Assert.Equal("cbh:{inbox:b24.example.ru%3A8443}:depth", _keys.InboxDepth("b24.example.ru:8443"));
    }

    [Fact]
    public void DialogState_CustomPrefix_StartsWithIt()
    {
        Assert.Equal("app:x:{p:1:d}:state", new RedisKeys("app:x").DialogState(new DialogKey("p", 1, "d")));
    }

    [Theory]
    [InlineData("{tag}")]
    [InlineData("cbh}")]
    public void Constructor_PrefixWithBrace_Throws(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new RedisKeys(prefix));
    }

    [Theory]
    [InlineData("chat:1", "chat%3A1")]
    [InlineData("a}b", "a%7Db")]
    [InlineData("{x}", "%7Bx%7D")]
    [InlineData("100%", "100%25")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("чат 1", "чат 1")]
    public void Escape_SpecialCharacters_ArePercentEncoded(string component, string escaped)
    {
        Assert.Equal(escaped, RedisKeys.Escape(component));
    }

    [Theory]
    [InlineData("1:2}{3")]
    [InlineData("}")]
    [InlineData("{")]
    [InlineData("}:{")]
    public void DialogState_IdWithBracesAndColons_HashTagHoldsExactlyPortalBotAndDialog(string dialogId)
    {
        var key = _keys.DialogState(new DialogKey("b24.example.ru", 7, dialogId));

        var tag = ClusterHashTag(key);

        Assert.Equal($"b24.example.ru:7:{RedisKeys.Escape(dialogId)}", tag);
        Assert.Equal(3, tag.Split(':').Length);
        Assert.EndsWith("}:state", key, StringComparison.Ordinal);
    }

    [Fact]
    public void DialogState_PartsThatWouldJoinAlike_GiveDifferentKeys()
    {
        Assert.NotEqual(
            _keys.DialogState(new DialogKey("p:1", 2, "d")),
            _keys.DialogState(new DialogKey("p", 1, "2:d")));
        Assert.NotEqual(
            _keys.DialogState(new DialogKey("p", 1, "a:b")),
            _keys.DialogState(new DialogKey("p", 1, "a%3Ab")));
    }

    [Fact]
    public void Seen_EventKeyWithBraces_KeepsBotHashTag()
    {
        var key = _keys.Seen("p", 7, "{evil}");

        Assert.Equal("p:7", ClusterHashTag(key));
    }

    [Fact]
    public void TimerKeys_AnyPrefix_ShareTimersHashTag()
    {
        var keys = new RedisKeys("app");

        Assert.Equal("app:{timers}:due", keys.TimersDue);
        Assert.Equal("app:{timers}:entries", keys.TimerEntries);
        Assert.Equal("app:{timers}:claims", keys.TimerClaims);
        Assert.All([keys.TimersDue, keys.TimerEntries, keys.TimerClaims], key => Assert.Equal("timers", ClusterHashTag(key)));
    }

    [Fact]
    public void TimerField_PartsThatWouldJoinAlike_AreEscapedApart()
    {
        Assert.Equal("p:echo:t%3A1%7D", RedisKeys.TimerField("p", "echo", "t:1}"));
        Assert.NotEqual(RedisKeys.TimerField("p:1", "b", "c"), RedisKeys.TimerField("p", "1:b", "c"));
    }

    [Theory]
    [InlineData("dialog/p.bitrix24.ru/echo/chat1", "dialog/p.bitrix24.ru/echo/chat1")]
    [InlineData("poller:{p}", "poller%3A%7Bp%7D")]
    public void Lease_AnyName_IsTheWholeHashTag(string name, string tag)
    {
        var key = _keys.Lease(name);

        Assert.Equal($"cbh:{{{tag}}}:lease", key);
        Assert.Equal(tag, ClusterHashTag(key));
    }

    // Redis Cluster hashes only the part between the first '{' and the first '}' after it.
    private static string ClusterHashTag(string key)
    {
        var open = key.IndexOf('{', StringComparison.Ordinal);
        var close = key.IndexOf('}', open + 1);
        return key[(open + 1)..close];
    }
}
