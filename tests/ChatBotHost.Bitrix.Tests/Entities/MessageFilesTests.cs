using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Tests.Entities;

public class MessageFilesTests
{
    [Fact]
    public void Files_EntitiesInAList_AreTyped()
    {
        var message = new Message
        {
            Params = JsonNode.Parse("""{"FILES":[{"id":5001,"chatId":5,"type":"file","name":"a.pdf","extension":"pdf","size":1234,"authorId":1,"authorName":"Ann"}]}""")!.AsObject(),
        };

        var file = Assert.Single(message.Files);
        Assert.Equal(new ChatFile { Id = 5001, ChatId = 5, Type = "file", Name = "a.pdf", Extension = "pdf", Size = 1234, AuthorId = 1, AuthorName = "Ann" }, file);
    }

    [Fact]
    public void Files_FormDecodedMapWithStringScalars_AreTyped()
    {
        // A webhook form: PHP lists become maps keyed "0", "1", and every scalar is a string.
        var message = new Message
        {
            Params = JsonNode.Parse("""{"files":{"0":{"id":"7","name":"b.png","size":"99"},"1":{"id":"8","name":"c.txt","size":"1"}}}""")!.AsObject(),
        };

        Assert.Equal([(7, "b.png", 99L), (8, "c.txt", 1L)], message.Files.Select(f => (f.Id, f.Name, f.Size)));
    }

    [Fact]
    public void Files_Image_ReadsFromJsonAndFromAForm()
    {
        // Fetch mode carries numbers and false; a webhook form carries digit strings and "0" (PHP's false).
        var message = new Message
        {
            Params = JsonNode.Parse("""
                {"FILES":[{"id":1,"type":"image","image":{"height":480,"width":640}},{"id":2,"type":"file","image":false},
                          {"id":3,"type":"image","image":{"height":"20","width":"10"}},{"id":4,"type":"file","image":"0"},{"id":5}]}
                """)!.AsObject(),
        };

        Assert.Equal(
            [new ChatFileImage(480, 640), null, new ChatFileImage(20, 10), null, null],
            message.Files.Select(f => f.Image));
    }

    [Fact]
    public void Files_IdsOnly_AreFilesWithoutNames()
    {
        var message = new Message { Params = JsonNode.Parse("""{"FILE_ID":["12", 13],"FILES":[{"id":13,"name":"x"}]}""")!.AsObject() };

        Assert.Equal([(13, "x"), (12, (string?)null)], message.Files.Select(f => (f.Id, f.Name)));
    }

    [Fact]
    public void Files_NoneOrUnreadable_IsEmpty()
    {
        Assert.Empty(new Message().Files);
        Assert.Empty(new Message { Params = JsonNode.Parse("""{"FILES":[{"id":{"x":1}}],"ATTACH":[]}""")!.AsObject() }.Files);
    }
}
