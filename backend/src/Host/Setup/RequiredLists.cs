using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Khcn.Host.Setup;

/// <summary>
/// #16 "every null or missing collection is a 400 with the field named": a list a request's type declares non-nullable
/// is required in the body, as the OpenAPI document already says. A null one is caught after binding (InputRules);
/// an omitted one would silently bind as its default empty list, so the deserializer is told it is required and
/// <see cref="FastEndpointsErrors"/> names it. Only our own types, and only lists (a missing scalar keeps its default).
/// </summary>
internal static class RequiredLists
{
    public static void Require(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("Khcn.", StringComparison.Ordinal) != true) return;
        var context = new NullabilityInfoContext();
        foreach (var property in type.Properties)
        {
            if (property.Set is null || property.AttributeProvider is not PropertyInfo info) continue;
            if (property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)) continue;
            if (context.Create(info).WriteState == NullabilityState.NotNull) property.IsRequired = true;
        }
    }
}
