using System.Runtime.CompilerServices;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Bitrix.Requests.Raw;

namespace ChatBotHost.Bitrix.Tests.Requests;

public sealed class RequestCatalogTests
{
    // Not imbot.v2: what an OAuth application calls for itself (spec §1.3): binding ONAPPUNINSTALL, and asking whether
    // a re-install comes from a portal administrator.
    private static readonly string[] ApplicationMethods = ["event.bind", "user.admin"];

    // The notifications a bot sends and answers around its chats (scope im).
    private static readonly string[] NotifyMethods =
        ["im.notify.answer", "im.notify.confirm", "im.notify.delete", "im.notify.personal.add", "im.notify.read", "im.notify.read.list", "im.notify.system.add"];

    // Subscribing the calling user's ONIMV2* events, which Event.get delivers with withUserEvents (spec §4.9).
    private static readonly string[] UserEventMethods = ["im.v2.Event.subscribe"];

    // Methods of the portal's other modules that the sample bots use (the helpdesk files tickets as tasks).
    private static readonly string[] PortalMethods = ["tasks.task.add"];

    private static readonly string[] MethodsWithoutBotId =
        ["imbot.v2.Bot.register", "imbot.v2.Bot.list", "imbot.v2.Revision.get", .. ApplicationMethods, .. NotifyMethods, .. UserEventMethods, .. PortalMethods];

    public static TheoryData<Type> RequestTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in AllRequestTypes())
        {
            data.Add(type);
        }

        return data;
    }

    private static IEnumerable<Type> AllRequestTypes() =>
        typeof(BitrixRequest<>).Assembly.GetTypes().Where(IsConcreteRequest)
            .Where(t => t != typeof(BatchRequest) && !typeof(IRawRequest).IsAssignableFrom(t)); // no method of their own

    [Fact]
    public void Catalog_CoversEveryImbotV2MethodOfSpecSection4()
    {
        Assert.Equal(34, AllRequestTypes().Count(type => MethodOf(type).StartsWith("imbot.v2.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Catalog_OtherRequests_AreTheApplicationNotifyAndPortalMethods()
    {
        var others = AllRequestTypes().Select(MethodOf).Where(m => !m.StartsWith("imbot.v2.", StringComparison.Ordinal));

        Assert.Equal(ApplicationMethods.Concat(NotifyMethods).Concat(UserEventMethods).Concat(PortalMethods).Order(StringComparer.Ordinal), others.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void Request_NameFollowsItsMethod_AndLivesInItsSectionFolder(Type type)
    {
        var method = MethodOf(type);

        var segments = (method.StartsWith("imbot.v2.", StringComparison.Ordinal) ? method["imbot.v2.".Length..] : method).Split('.');
        var expected = string.Concat(segments.Select(s => char.ToUpperInvariant(s[0]) + s[1..])) + "Request";
        Assert.Equal(expected, type.Name);
        Assert.StartsWith("ChatBotHost.Bitrix.Requests.", type.Namespace, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void Request_CarriesBotId_ExactlyWhenItsMethodTakesOne(Type type)
    {
        var takesBotId = !MethodsWithoutBotId.Contains(MethodOf(type));

        Assert.Equal(takesBotId, IsBotRequest(type));
    }

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public void Request_SerializesWithoutMethodProperty(Type type)
    {
        var request = RuntimeHelpers.GetUninitializedObject(type);

        var json = RequestJson.ToParameters(request);

        Assert.False(json.ContainsKey("method"));
    }

    private static string MethodOf(Type type) =>
        (string)type.GetProperty(nameof(BitrixRequest<int>.Method))!.GetValue(RuntimeHelpers.GetUninitializedObject(type))!;

    private static bool IsConcreteRequest(Type type) => !type.IsAbstract && BaseTypes(type).Any(IsGeneric(typeof(BitrixRequest<>)));

    private static bool IsBotRequest(Type type) => BaseTypes(type).Any(IsGeneric(typeof(BotRequest<>)));

    private static Func<Type, bool> IsGeneric(Type definition) => t => t.IsGenericType && t.GetGenericTypeDefinition() == definition;

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }
}
