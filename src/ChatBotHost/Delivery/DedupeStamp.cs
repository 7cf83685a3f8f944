using System.Security.Cryptography;
using System.Text;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// The portal-side half of idempotency. The sent ledger cannot cover a crash after the portal accepted a message but
/// before its answer was recorded. A message's templateId becomes its uuid, the portal's dedupe id (spec §5.5): derived
/// from the idempotency key, a repeated send carries the same one, so the portal can recognise the repeat [infer].
/// An author's own templateId is kept.
/// </summary>
internal static class DedupeStamp
{
    /// <summary>The dedupe id of the bot's call with this idempotency key.</summary>
    public static string IdFor(HostedBot bot, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{bot.Portal.Key}\n{bot.Code}\n{idempotencyKey}")).AsSpan(0, 16)).ToString();
    }

    /// <summary>The request with the dedupe id, where it is a message without a templateId of its own.</summary>
    public static BitrixRequest<TResult> Apply<TResult>(BitrixRequest<TResult> request, string? dedupeId) =>
        request is ChatMessageSendRequest { Fields.TemplateId: null } send && dedupeId is not null
            ? (BitrixRequest<TResult>)(object)(send with { Fields = send.Fields with { TemplateId = dedupeId } })
            : request;
}
