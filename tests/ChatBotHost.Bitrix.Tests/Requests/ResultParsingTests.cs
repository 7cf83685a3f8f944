using System.Text.Json;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Json;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Bitrix.Requests.Files;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Bitrix.Tests.Requests;

public sealed class ResultParsingTests
{
    [Fact]
    public void EventGetResult_ReadsRawEventsAndOffset()
    {
        var result = Read<EventGetResult>("""
            {"events":[{"eventId":1001,"type":"ONIMBOTV2MESSAGEADD","date":"2026-05-01T10:00:00+03:00","data":{"bot":{"id":456}}}],
             "nextOffset":1002,"hasMore":false}
            """);

        var evt = Assert.Single(result.Events);
        Assert.Equal("ONIMBOTV2MESSAGEADD", evt.GetProperty("type").GetString());
        Assert.Equal(456, evt.GetProperty("data").GetProperty("bot").GetProperty("id").GetInt32());
        Assert.Equal(1002, result.NextOffset);
        Assert.False(result.HasMore);
    }

    [Fact]
    public void EventGetResult_LegacyLastEventId_BecomesNextOffsetPlusOne()
    {
        var result = Read<EventGetResult>("""{"events":[],"lastEventId":"1001","hasMore":true}""");

        Assert.Equal(1002, result.NextOffset);
        Assert.True(result.HasMore);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void EventGetResult_EventsAsIndexKeyedObject_KeepOrder()
    {
        var result = Read<EventGetResult>("""{"events":{"0":{"eventId":7},"1":{"eventId":8}},"nextOffset":"9","hasMore":"N"}""");

        Assert.Equal([7, 8], result.Events.Select(e => e.GetProperty("eventId").GetInt32()));
        Assert.Equal(9, result.NextOffset);
        Assert.False(result.HasMore);
    }

    [Theory]
    [InlineData("""{"id":790,"uuidMap":[]}""", 0)]
    [InlineData("""{"id":790,"uuidMap":{}}""", 0)]
    [InlineData("""{"id":790,"uuidMap":{"a1b2":791}}""", 1)]
    public void MessageSendResult_UuidMapEmptyArrayOrObject_Reads(string json, int count)
    {
        var result = Read<ChatMessageSendResult>(json);

        Assert.Equal(790, result.Id);
        Assert.Equal(count, result.UuidMap!.Count);
    }

    [Fact]
    public void FileUploadResult_ImageFalse_ReadsAsNoImage()
    {
        var result = Read<FileUploadResult>("""
            {"file":{"id":12,"chatId":5,"type":"file","name":"a.txt","extension":"txt","size":3,"image":false,"authorId":456},
             "messageId":123,"chatId":5,"dialogId":"chat5"}
            """);

        Assert.Equal(12, result.File!.Id);
        Assert.Equal(123, result.MessageId);
        Assert.Null(result.File.Image);
    }

    [Fact]
    public void FileUploadResult_Image_ReadsItsDimensions()
    {
        var result = Read<FileUploadResult>("""
            {"file":{"id":13,"chatId":5,"type":"image","name":"a.png","extension":"png","size":9,"image":{"height":480,"width":640},"authorId":456},
             "messageId":124,"chatId":5,"dialogId":"chat5"}
            """);

        Assert.Equal(new ChatFileImage(Height: 480, Width: 640), result.File!.Image);
    }

    [Fact]
    public void MessageReadResult_Reads()
    {
        var result = Read<ChatMessageReadResult>("""{"chatId":5,"lastId":789,"counter":0,"viewedMessages":[785,789]}""");

        Assert.Equal([785, 789], result.ViewedMessages);
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, BitrixJson.Options)!;
}
