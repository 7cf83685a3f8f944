using System.Text.Json.Serialization.Metadata;

namespace ChatBotHost.Bitrix.Json;

/// <summary>
/// A null (or PHP's false/"" read as null) for a property that is not nullable leaves the property's default,
/// so Message.Params stays {} and User.Departments stays [] whatever the wire sent.
/// </summary>
internal static class NullKeepsDefault
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.Set is not { } set || property.IsSetNullable || property.PropertyType.IsValueType)
            {
                continue;
            }

            property.Set = (target, value) =>
            {
                if (value is not null)
                {
                    set(target, value);
                }
            };
        }
    }
}
