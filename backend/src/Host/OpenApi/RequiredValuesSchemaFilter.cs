using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Khcn.Host.OpenApi;

/// <summary>
/// Non-nullable value-type properties (ids, numbers, dates, enums) are always serialised, so the schema says they
/// are required, as Swashbuckle already does for non-nullable references. Generated clients then type them as present.
/// </summary>
internal sealed class RequiredValuesSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } model) return;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null) continue;
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!model.Properties.ContainsKey(name)) continue;
            model.Required ??= new HashSet<string>();
            model.Required.Add(name);
        }
    }
}
