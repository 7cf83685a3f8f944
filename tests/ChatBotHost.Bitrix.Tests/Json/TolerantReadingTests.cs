using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Json;

namespace ChatBotHost.Bitrix.Tests.Json;

public class TolerantReadingTests
{
    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, BitrixJson.Options)!;

    [Theory]
    [InlineData("42", 42)]
    [InlineData("\"42\"", 42)]
    [InlineData("\" 7 \"", 7)]
    [InlineData("\"-3\"", -3)]
    [InlineData("\"\"", 0)]
    [InlineData("null", 0)]
    public void Int_FromNumberOrDigitString_ReadsValue(string json, int expected) =>
        Assert.Equal(expected, Read<int>(json));

    [Fact]
    public void Long_FromDigitString_ReadsValue() =>
        Assert.Equal(9_000_000_000L, Read<long>("\"9000000000\""));

    [Theory]
    [InlineData("\"12abc\"")]
    [InlineData("1.5")]
    [InlineData("{}")]
    [InlineData("\"9000000000\"")]
    public void Int_FromNonInteger_Throws(string json) =>
        Assert.Throws<JsonException>(() => Read<int>(json));

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    [InlineData("\"Y\"", true)]
    [InlineData("\"N\"", false)]
    [InlineData("\"y\"", true)]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"\"", false)]
    [InlineData("null", false)]
    public void Bool_FromEveryPhpSpelling_ReadsValue(string json, bool expected) =>
        Assert.Equal(expected, Read<bool>(json));

    [Fact]
    public void Bool_FromUnknownWord_Throws() =>
        Assert.Throws<JsonException>(() => Read<bool>("\"maybe\""));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("false")]
    public void NullableInt_FromEmptyOrFalse_IsNull(string json) =>
        Assert.Null(Read<int?>(json));

    [Theory]
    [InlineData("false", false)]
    [InlineData("\"N\"", false)]
    [InlineData("\"Y\"", true)]
    public void NullableBool_FromFalseOrFlag_KeepsTheAnswer(string json, bool expected) =>
        Assert.Equal(expected, Read<bool?>(json));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void NullableBool_FromEmpty_IsNull(string json) =>
        Assert.Null(Read<bool?>(json));

    [Fact]
    public void NullableDate_FromIsoWithOffset_KeepsInstantAndOffset()
    {
        var date = Read<DateTimeOffset?>("\"2025-01-15T10:30:00+02:00\"");

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.FromHours(2)), date);
        Assert.Equal(TimeSpan.FromHours(2), date!.Value.Offset);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("false")]
    [InlineData("null")]
    public void NullableDate_FromEmptyOrFalse_IsNull(string json) =>
        Assert.Null(Read<DateTimeOffset?>(json));

    [Theory]
    [InlineData("1736929860")]
    [InlineData("\"1736929860\"")]
    public void Date_FromUnixSeconds_ReadsInstant(string json) =>
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1736929860), Read<DateTimeOffset>(json));

    [Fact]
    public void Date_FromGarbage_Throws() =>
        Assert.Throws<JsonException>(() => Read<DateTimeOffset?>("\"yesterday-ish\""));

    [Theory]
    [InlineData("\"abc\"", "abc")]
    [InlineData("5", "5")]
    [InlineData("false", null)]
    [InlineData("null", null)]
    public void String_FromStringNumberOrFalse_ReadsTextOrNull(string json, string? expected) =>
        Assert.Equal(expected, Read<string?>(json));

    [Fact]
    public void JsonObject_FromPhpEmptyArray_IsEmptyObject() =>
        Assert.Empty(Read<JsonObject>("[]"));

    [Fact]
    public void JsonObject_FromPhpList_IsKeyedByIndex()
    {
        var value = Read<JsonObject>("[\"a\",\"b\"]");

        Assert.Equal("{\"0\":\"a\",\"1\":\"b\"}", value.ToJsonString());
    }

    [Theory]
    [InlineData("[1,7]")]
    [InlineData("{\"0\":\"1\",\"1\":\"7\"}")]
    [InlineData("{\"1\":\"7\",\"0\":\"1\"}")]
    public void List_FromArrayOrIndexKeyedObject_ReadsItemsInIndexOrder(string json) =>
        Assert.Equal([1, 7], Read<IReadOnlyList<int>>(json));

    [Theory]
    [InlineData("false")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    public void List_FromPhpNothing_IsEmpty(string json) =>
        Assert.Empty(Read<IReadOnlyList<int>>(json));

    [Fact]
    public void User_WithAbsentOrNullLists_KeepsDefaults()
    {
        var absent = Read<User>("{\"id\":\"1\"}");
        var nulled = Read<User>("{\"id\":1,\"departments\":null,\"name\":false}");

        Assert.Empty(absent.Departments);
        Assert.NotNull(nulled.Departments);
        Assert.Empty(nulled.Departments);
        Assert.Null(nulled.Name);
    }

    [Fact]
    public void Message_WithNullOrFalseParamsAndText_KeepsDefaults()
    {
        var message = Read<Message>("{\"id\":\"789\",\"params\":null,\"text\":false,\"forward\":null,\"date\":\"\"}");

        Assert.Equal(789, message.Id);
        Assert.NotNull(message.Params);
        Assert.Empty(message.Params);
        Assert.Equal("", message.Text);
        Assert.Null(message.Forward);
        Assert.Null(message.Date);
    }

    [Fact]
    public void Chat_TextFieldEnabledAsYesNo_ReadsNullableBool()
    {
        Assert.True(Read<Chat>("{\"textFieldEnabled\":\"Y\"}").TextFieldEnabled);
        Assert.False(Read<Chat>("{\"textFieldEnabled\":\"N\"}").TextFieldEnabled);
        Assert.Null(Read<Chat>("{}").TextFieldEnabled);
    }

    [Fact]
    public void Options_WritingAnEntity_UsesCamelCaseAndOmitsNulls()
    {
        var json = JsonSerializer.Serialize(new Chat { Id = 5, DialogId = "chat5", TextFieldEnabled = true }, BitrixJson.Options);

        Assert.Equal("{\"id\":5,\"dialogId\":\"chat5\",\"owner\":0,\"textFieldEnabled\":true}", json);
    }

    [Fact]
    public void Options_WritingAnEntityWithListsAndObjects_RoundTrips()
    {
        var user = new User { Id = 1, Departments = [1, 7] };
        var message = new Message { Id = 2, Params = new JsonObject { ["A"] = 1 }, Date = DateTimeOffset.FromUnixTimeSeconds(0) };

        var userBack = Read<User>(JsonSerializer.Serialize(user, BitrixJson.Options));
        var messageJson = JsonSerializer.Serialize(message, BitrixJson.Options);

        Assert.Equal([1, 7], userBack.Departments);
        Assert.Contains("\"params\":{\"A\":1}", messageJson, StringComparison.Ordinal);
        Assert.Contains("\"date\":\"1970-01-01T00:00:00+00:00\"", messageJson, StringComparison.Ordinal);
    }
}
