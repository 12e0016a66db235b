using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Khcn.Host.OpenApi;

/// <summary>
/// The error answers of the API (RFC 9457 problem details, <c>application/problem+json</c>) as reusable responses
/// under <c>components/responses</c>, and the one schema they share. Which operation gets which is decided in
/// <see cref="EndpointOperationFilter"/>; what each means is said here, once.
/// </summary>
internal static class ProblemResponses
{
    public const string MediaType = "application/problem+json";
    public const string SchemaId = "ProblemDetails";

    public static readonly IReadOnlyDictionary<int, (string Id, string Description)> Catalogue = new Dictionary<int, (string, string)>
    {
        [400] = ("BadRequest", "The request cannot be used: malformed JSON, a value of the wrong type, or fields that break a rule (listed per field in `errors`)."),
        [401] = ("Unauthorized", "No valid access token: send `Authorization: Bearer <accessToken>` from POST /api/v1/auth/login."),
        [403] = ("Forbidden", "The caller may not do this here: the permission is missing for the unit concerned."),
        [404] = ("NotFound", "No such record, or it lies outside the caller's scope (the API does not reveal which)."),
        [409] = ("Conflict", "The change breaks a business rule (see `code`), or a request with the same Idempotency-Key is still running."),
        [412] = ("PreconditionFailed", "The record changed since it was read (If-Match no longer matches its ETag): read it again and retry."),
        [413] = ("ContentTooLarge", "The request body is larger than the configured limit."),
        [415] = ("UnsupportedMediaType", "The body is not JSON: send it as `application/json`."),
        [422] = ("IdempotencyKeyReused", "This Idempotency-Key was already used with a different request."),
        [428] = ("PreconditionRequired", "If-Match is missing: send the ETag of the last read."),
        [429] = ("TooManyRequests", "Too many attempts: wait the number of seconds in Retry-After."),
    };

    /// <summary>A response for the status: the shared one when the catalogue has it, else one of its own.</summary>
    public static IOpenApiResponse For(int status, string? description, OpenApiDocument document) =>
        Catalogue.TryGetValue(status, out var known) && description is null
            ? new OpenApiResponseReference(known.Id, document)
            : Create(status, description ?? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), document);

    /// <summary>Adds the responses the operations refer to, and the problem schema, to the document's components.</summary>
    public static void AddTo(OpenApiDocument document, ISet<string> used)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SchemaId] = Schema();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var (status, (id, description)) in Catalogue.OrderBy(c => c.Key))
            if (used.Contains(id))
                document.Components.Responses[id] = Create(status, description, document);
    }

    private static OpenApiResponse Create(int status, string description, OpenApiDocument document)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaId, document) },
            },
        };
        if (status == 429)
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
            };
        return response;
    }

    private static OpenApiSchema Schema()
    {
        static OpenApiSchema Text(string description, bool nullable = false) => new()
        {
            Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
            Description = description,
        };

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An error, as RFC 9457 problem details. Never carries a stack trace or SQL.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI identifying the kind of problem."),
                ["title"] = Text("A short, human-readable summary of the problem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
                ["detail"] = Text("What went wrong in this occurrence.", nullable: true),
                ["instance"] = Text("The request path.", nullable: true),
                ["code"] = Text("A machine-readable reason, e.g. validation_failed, stale_version, unit_code_taken.", nullable: true),
                ["traceId"] = Text("Identifies the request in the server's logs."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "For validation problems: the messages per field (camelCase field names).",
                    AdditionalProperties = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        Items = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
            Required = new HashSet<string> { "type", "title", "status", "traceId" },
            Example = new JsonObject
            {
                ["type"] = "https://httpstatuses.io/400",
                ["title"] = "One or more fields are invalid.",
                ["status"] = 400,
                ["instance"] = "/api/v1/organization/units",
                ["code"] = "validation_failed",
                ["errors"] = new JsonObject { ["name"] = new JsonArray("'Name' must not be empty.") },
                ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            },
        };
    }
}
