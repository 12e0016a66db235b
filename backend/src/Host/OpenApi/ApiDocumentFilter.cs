using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Khcn.Host.OpenApi;

/// <summary>
/// What only the whole document can settle: the module tags with their descriptions, operation ids that two modules
/// happen to share, the shared problem responses, and schemas no operation uses any more (request DTOs whose
/// properties all went to the route, query or headers).
/// </summary>
internal sealed partial class ApiDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        SortPaths(document);
        var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).ToList();

        var used = operations.SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name!).ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(
            ApiDocumentation.ModuleTags.Where(m => used.Contains(m.Key)).Select(m => new OpenApiTag { Name = m.Key, Description = m.Value })
                .Concat(used.Where(t => !ApiDocumentation.ModuleTags.ContainsKey(t)).Order(StringComparer.Ordinal)
                    .Select(t => new OpenApiTag { Name = t, Description = $"The {t} module." })));

        // Two modules with a ListItems endpoint each: qualify both with their module.
        foreach (var clash in operations.GroupBy(o => o.OperationId).Where(g => g.Count() > 1))
            foreach (var operation in clash)
            {
                var module = operation.Tags?.FirstOrDefault()?.Name ?? "api";
                operation.OperationId = char.ToLowerInvariant(module[0]) + module[1..] + char.ToUpperInvariant(clash.Key![0]) + clash.Key[1..];
            }

        var responses = operations.SelectMany(o => o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            .OfType<OpenApiResponseReference>().Select(r => r.Reference.Id!).ToHashSet();
        ProblemResponses.AddTo(document, responses);
        RemoveUnusedSchemas(document);
    }

    /// <summary>Paths in ordinal order, operations in verb order: the committed copy diffs only where the API changed.</summary>
    private static void SortPaths(OpenApiDocument document)
    {
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (item is OpenApiPathItem { Operations: { } operations } editable)
                editable.Operations = operations.OrderBy(o => Array.IndexOf(VerbOrder, o.Key.Method.ToUpperInvariant()))
                    .ThenBy(o => o.Key.Method, StringComparer.Ordinal).ToDictionary();
            paths.Add(path, item);
        }
        document.Paths = paths;
    }

    private static readonly string[] VerbOrder = ["GET", "PUT", "POST", "PATCH", "DELETE"];

    private static void RemoveUnusedSchemas(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null) return;
        while (true)
        {
            using var text = new StringWriter();
            document.SerializeAsV3(new OpenApiJsonWriter(text));
            var referenced = SchemaReference().Matches(text.ToString()).Select(m => m.Groups[1].Value).ToHashSet();
            var unused = schemas.Keys.Where(id => !referenced.Contains(id)).ToList();
            if (unused.Count == 0) return;
            foreach (var id in unused) schemas.Remove(id);
        }
    }

    [GeneratedRegex("\"#/components/schemas/([^\"]+)\"")]
    private static partial Regex SchemaReference();
}
