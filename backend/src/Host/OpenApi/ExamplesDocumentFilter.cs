using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Khcn.Host.OpenApi;

/// <summary>
/// An example for every request body and for the main (200/201) JSON response of every operation (#15), so that an
/// integrator reads a whole, valid body instead of assembling it from the schema. Each example is built from the
/// operation's own schema: every property filled (enums with their first value, formats honoured, lengths and bounds
/// kept), strings chosen by the property's name from the demo's world (a unit officer's e-mail, a course code, a
/// Vietnamese title). Spectral checks every example against its schema (oas3-valid-media-example is an error).
/// </summary>
internal sealed class ExamplesDocumentFilter : IDocumentFilter
{
    private const int MaxDepth = 12;

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            if (operation.RequestBody?.Content is { } body)
                foreach (var media in body.Values.OfType<OpenApiMediaType>())
                    if (media.Example is null && media.Schema is { } schema)
                        media.Example = Example(schema, schemas, "", 0);
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status is not ("200" or "201") || response.Content is not { } content) continue;
                foreach (var (type, media) in content)
                    if (type == "application/json" && media is OpenApiMediaType { Example: null, Schema: { } schema } editable)
                        editable.Example = Example(schema, schemas, "", 0);
            }
        }
    }

    private static JsonNode? Example(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas, string name, int depth)
    {
        var resolved = Resolve(schema, schemas);
        if (resolved.Example is { } given) return given.DeepClone();
        if (resolved.Enum is { Count: > 0 } values) return values.First(v => v is not null)!.DeepClone();
        var composed = resolved.AllOf?.FirstOrDefault() ?? resolved.OneOf?.FirstOrDefault() ?? resolved.AnyOf?.FirstOrDefault();
        if (composed is not null) return Example(composed, schemas, name, depth);

        var type = resolved.Type ?? (resolved.Properties is { Count: > 0 } ? JsonSchemaType.Object : JsonSchemaType.String);
        if (type.HasFlag(JsonSchemaType.Array))
        {
            var array = new JsonArray();
            if (depth < MaxDepth && resolved.Items is { } items)
                for (var i = 0; i < Math.Max(1, resolved.MinItems ?? 1); i++)
                    array.Add(Example(items, schemas, Singular(name), depth + 1));
            return array;
        }
        if (type.HasFlag(JsonSchemaType.Object))
        {
            var obj = new JsonObject();
            if (depth >= MaxDepth) return obj;
            foreach (var (property, propertySchema) in resolved.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (Resolve(propertySchema, schemas).ReadOnly) continue;
                obj[property] = Example(propertySchema, schemas, property, depth + 1);
            }
            // A map (e.g. the figures of a report by indicator code) gets one entry.
            if (resolved.AdditionalProperties is { } entry && obj.Count == 0)
                obj["CT01"] = Example(entry, schemas, name, depth + 1);
            return obj;
        }
        if (type.HasFlag(JsonSchemaType.Boolean)) return JsonValue.Create(true);
        if (type.HasFlag(JsonSchemaType.Integer)) return JsonValue.Create((long)Bounded(Integer(name), resolved));
        if (type.HasFlag(JsonSchemaType.Number)) return JsonValue.Create(Bounded(Number(name), resolved));
        return JsonValue.Create(Text(name, resolved));
    }

    private static IOpenApiSchema Resolve(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas) =>
        schema is OpenApiSchemaReference { Reference.Id: { } id } && schemas.TryGetValue(id, out var target) ? Resolve(target, schemas) : schema;

    private static decimal Bounded(decimal value, IOpenApiSchema schema)
    {
        if (decimal.TryParse(schema.Minimum, NumberStyles.Float, CultureInfo.InvariantCulture, out var min) && value < min) value = min;
        if (decimal.TryParse(schema.Maximum, NumberStyles.Float, CultureInfo.InvariantCulture, out var max) && value > max) value = max;
        return value;
    }

    private static decimal Integer(string name) => Lower(name) switch
    {
        var n when n.Contains("year") => 2025,
        var n when n.Contains("page") && !n.Contains("size") => 1,
        var n when n.Contains("pagesize") => 20,
        var n when n.Contains("percent") => 80,
        var n when n.Contains("capacity") => 30,
        var n when n.Contains("version") => 3,
        var n when n.Contains("score") || n.Contains("points") => 8,
        var n when n.Contains("count") || n.Contains("total") || n.Contains("people") || n.Contains("workers") || n.Contains("members") => 120,
        _ => 1,
    };

    private static decimal Number(string name) => Lower(name) switch
    {
        var n when n.Contains("amount") || n.Contains("fee") || n.Contains("benefit") || n.Contains("money") || n.Contains("budget") => 50_000_000m,
        var n when n.Contains("score") || n.Contains("points") => 8.5m,
        var n when n.Contains("share") || n.Contains("rate") || n.Contains("ratio") => 0.5m,
        _ => 1m,
    };

    private static string Text(string name, IOpenApiSchema schema)
    {
        var value = schema.Format switch
        {
            "uuid" => "0193f3a2-7c1e-7b7e-9a55-2c4d5e6f7a81",
            "date" => "2025-03-10",
            "date-time" => "2025-03-10T01:00:00Z",
            "binary" => "(tệp PDF hoặc DOCX)",
            "email" => "canbo.vanlam@hungyen.demo",
            "uri" => "https://he-thong-doi-tac.example.vn/webhooks/khcn",
            _ => Named(Lower(name)),
        };
        if (schema.MaxLength is { } max && value.Length > max) value = value[..max];
        if (schema.MinLength is { } min && value.Length < min) value = value.PadRight(min, 'x');
        return value;
    }

    private static string Named(string n) => n switch
    {
        _ when n.Contains("email") => "canbo.vanlam@hungyen.demo",
        _ when n.Contains("password") || n.Contains("secret") => "Mat-khau-manh-2025!",
        _ when n.Contains("taxcode") => "0100109106",
        _ when n.Contains("phone") => "0221 3862 501",
        _ when n.Contains("url") || n.Contains("uri") => "https://he-thong-doi-tac.example.vn/webhooks/khcn",
        _ when n.EndsWith("code", StringComparison.Ordinal) => "KHCN-2025-01",
        _ when n.Contains("number") => "405/KH-LĐLĐ",
        _ when n.Contains("fullname") || n == "name" || n.EndsWith("byname", StringComparison.Ordinal) || n.Contains("holder") => "Nguyễn Thị Hồng Nhung",
        _ when n.Contains("unitname") => "Liên đoàn Lao động huyện Văn Lâm",
        _ when n.Contains("title") => "Ứng dụng chuyển đổi số trong quản lý đoàn viên",
        _ when n.Contains("room") || n.Contains("venue") || n.Contains("address") || n.Contains("place") => "Phòng A5-101, Trường Đại học Sư phạm Kỹ thuật Hưng Yên",
        _ when n.Contains("reason") || n.Contains("comment") || n.Contains("note") => "Theo Kế hoạch 405/KH-LĐLĐ năm 2025",
        _ when n.Contains("role") => "unit-officer",
        _ when n.Contains("scope") => "training.read",
        _ when n == "q" || n.Contains("query") || n.Contains("search") => "sang kien",
        _ when n.Contains("time") && !n.Contains("times") => "08:00",
        _ => "Nội dung theo Kế hoạch 405/KH-LĐLĐ",
    };

    private static string Lower(string name) => name.ToLowerInvariant();

    /// <summary>"units" → "unit": the items of a list take the singular's example.</summary>
    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;
}
