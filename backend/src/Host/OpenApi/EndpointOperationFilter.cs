using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Khcn.Host.OpenApi;

/// <summary>
/// Describes a FastEndpoints operation from its <see cref="EndpointDefinition"/> and request DTO, the same way for
/// every endpoint: operationId, summary, path/query/header parameters, a body without what is bound elsewhere,
/// the problem responses that can happen, and the bearer requirement. Endpoints declare nothing for the document.
/// </summary>
internal sealed class EndpointOperationFilter(XmlDocs docs) : IOperationFilter
{
    public const string BearerScheme = "Bearer";
    public const string ClientCredentialsScheme = "ClientCredentials";

    /// <summary>Well-known headers of the API's conventions, described once.</summary>
    private static readonly Dictionary<string, string> HeaderDescriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["If-Match"] = "The ETag of the last read of the record. A stale one answers 412, a missing one 428.",
        [IdempotencyMiddleware.Header] = "Makes the POST safe to retry: a retry with the same key (1–100 characters, per user) " +
                                         "returns the first answer and creates nothing new; the key reused with another request answers 422.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<EndpointDefinition>().FirstOrDefault() is not { } endpoint) return;

        var verb = context.ApiDescription.HttpMethod?.ToUpperInvariant() ?? "GET";
        var path = "/" + context.ApiDescription.RelativePath;
        var request = endpoint.ReqDtoType is { } t && t != typeof(EmptyRequest) ? t : null;
        var bindings = request is null ? [] : RequestBinding.Of(request, RouteParameters(path));
        var secured = !metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any();

        operation.OperationId = OperationIds.For(endpoint.EndpointType);
        operation.Summary = Nonblank(endpoint.EndpointSummary?.Summary)
                            ?? docs.Summary(endpoint.EndpointType) ?? OperationIds.Humanize(operation.OperationId);
        operation.Description = Nonblank(endpoint.EndpointSummary?.Description)
                                ?? (request is null ? null : docs.Summary(request)) ?? operation.Description;

        operation.Parameters = Parameters(context, endpoint, verb, path, bindings);
        // The POSTs IdempotencyMiddleware handles: every one but the auth endpoints.
        if (IdempotencyMiddleware.AppliesTo(verb, path))
            operation.Parameters.Add(Header(IdempotencyMiddleware.Header, required: false, null));
        DescribeBody(operation, context, verb, request, bindings);

        DescribeResponses(operation, context, endpoint, metadata, verb, secured);
        if (secured)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            // The API scope an integrator client needs for this operation (none: clients cannot call it).
            if (endpoint.PreBuiltUserPolicies?.Select(ApiScopes.ScopeOf).FirstOrDefault(s => s is not null) is { } scope)
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ClientCredentialsScheme, context.Document)] = [scope] });
        }
    }

    private List<IOpenApiParameter> Parameters(OperationFilterContext context, EndpointDefinition endpoint, string verb, string path,
        IReadOnlyList<RequestBinding> bindings)
    {
        var described = endpoint.EndpointSummary?.Params ?? [];
        string? Described(string name, PropertyInfo? property) =>
            described.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase) || p.Key == property?.Name).Value
            ?? (property is null ? null : docs.Summary(property));

        var parameters = new List<IOpenApiParameter>();
        foreach (var name in RouteParameters(path))
        {
            var property = bindings.FirstOrDefault(b => b.Source == BindingSource.Route && b.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Property;
            parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Description = Described(name, property),
                Schema = SchemaOf(context, property?.PropertyType ?? typeof(string)),
            });
        }

        var takesQuery = verb is "GET" or "DELETE" or "HEAD";
        foreach (var binding in bindings)
        {
            if (binding.Source == BindingSource.Query || (takesQuery && binding.Source == BindingSource.Body))
            {
                var schema = SchemaOf(context, binding.Property.PropertyType);
                if (binding.Default is { } value && schema is OpenApiSchema inline) inline.Default = value;
                parameters.Add(new OpenApiParameter
                {
                    Name = binding.Name,
                    In = ParameterLocation.Query,
                    Required = binding.Required,
                    Description = Described(binding.Name, binding.Property),
                    Schema = schema,
                });
            }
            else if (binding.Source == BindingSource.Header)
            {
                parameters.Add(Header(binding.Name, binding.Required, Described(binding.Name, binding.Property)));
            }
        }
        return parameters;
    }

    private static OpenApiParameter Header(string name, bool required, string? description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description ?? HeaderDescriptions.GetValueOrDefault(name),
        Schema = name == IdempotencyMiddleware.Header
            ? new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 100 }
            : new OpenApiSchema { Type = JsonSchemaType.String },
    };

    /// <summary>JSON bodies only where the verb has one, and without the properties bound from the route, query or headers.</summary>
    private static void DescribeBody(OpenApiOperation operation, OperationFilterContext context, string verb, Type? request,
        IReadOnlyList<RequestBinding> bindings)
    {
        if (operation.RequestBody is not OpenApiRequestBody body || request is null || verb is "GET" or "DELETE" or "HEAD")
        {
            operation.RequestBody = null;
            return;
        }
        body.Content?.Remove("*/*");
        var bound = bindings.Where(b => b.Source != BindingSource.Body).Select(b => b.JsonName).ToHashSet();
        if (context.SchemaRepository.TryLookupByType(request, out var reference)
            && context.SchemaRepository.Schemas.GetValueOrDefault(reference.Reference.Id!) is OpenApiSchema schema)
        {
            foreach (var name in bound)
            {
                schema.Properties?.Remove(name);
                schema.Required?.Remove(name);
            }
            if (schema.Properties is not { Count: > 0 }) operation.RequestBody = null;
        }
    }

    private static void DescribeResponses(OpenApiOperation operation, OperationFilterContext context, EndpointDefinition endpoint,
        IList<object> metadata, string verb, bool secured)
    {
        var responses = operation.Responses ??= new OpenApiResponses();
        // FastEndpoints adds its defaults (200 with the response DTO, 401, 403) as an internal metadata type.
        var declared = metadata.OfType<IProducesResponseTypeMetadata>().Where(m => m.GetType().Name != "DefaultProducesResponseMetadata")
            .Select(m => m.StatusCode).ToHashSet();
        var summaries = endpoint.EndpointSummary?.Responses ?? [];

        // An endpoint that declares its success status (e.g. 201) replaces FastEndpoints' default 200.
        if (declared.Any(IsSuccess))
            foreach (var code in responses.Keys.Where(k => int.TryParse(k, out var c) && IsSuccess(c) && !declared.Contains(c)).ToList())
                responses.Remove(code);
        foreach (var code in responses.Keys.Where(k => !int.TryParse(k, out var c) || c >= 400).ToList())
            responses.Remove(code);

        foreach (var (key, value) in responses.ToList())
        {
            if (value is not OpenApiResponse response) continue;
            var status = int.Parse(key);
            if (summaries.GetValueOrDefault(status) is { Length: > 0 } text) response.Description = text;
            if (status == 201)
                AddHeader(response, "Location", "Where the created record can be read.");
            if (response.Content is { Count: > 0 } && typeof(IVersioned).IsAssignableFrom(endpoint.ResDtoType))
                AddHeader(response, "ETag", "The record's version: send it back in If-Match to change the record.");
        }

        var problems = new SortedSet<int>();
        var hasInput = operation.RequestBody is not null || operation.Parameters is { Count: > 0 };
        var headers = operation.Parameters?.Where(p => p.In == ParameterLocation.Header).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        if (hasInput) problems.Add(400);
        if (secured) problems.Add(401);
        if (secured && RequiresPermission(endpoint)) problems.Add(403);
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true) problems.Add(404);
        if (secured && verb is "POST" or "PUT" or "PATCH" or "DELETE") problems.Add(409);
        if (headers.Contains("If-Match")) problems.UnionWith([412, 428]);
        if (operation.RequestBody is not null) problems.UnionWith([413, 415]);
        if (headers.Contains(IdempotencyMiddleware.Header)) problems.Add(422);
        if (metadata.OfType<EnableRateLimitingAttribute>().Any()) problems.Add(429);
        problems.UnionWith(declared.Where(c => c >= 400));
        problems.UnionWith(summaries.Keys.Where(c => c >= 400));

        foreach (var status in problems)
            responses[status.ToString()] = ProblemResponses.For(status, summaries.GetValueOrDefault(status), context.Document);
        var ordered = new OpenApiResponses();
        foreach (var (status, response) in responses.OrderBy(r => int.TryParse(r.Key, out var c) ? c : int.MaxValue))
            ordered.Add(status, response);
        operation.Responses = ordered;
    }

    private static bool IsSuccess(int status) => status is >= 200 and < 300;

    private static bool RequiresPermission(EndpointDefinition e) =>
        e.PreBuiltUserPolicies is { Count: > 0 } || e.AllowedPermissions is { Count: > 0 } || e.AllowedRoles is { Count: > 0 }
        || e.AllowedClaimTypes is { Count: > 0 } || e.AllowedScopes is { Count: > 0 } || e.PolicyBuilder is not null;

    private static void AddHeader(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }

    /// <summary>The schema of a parameter's type: the underlying type of a nullable one (absence says "no value").</summary>
    private static IOpenApiSchema SchemaOf(OperationFilterContext context, Type type) =>
        context.SchemaGenerator.GenerateSchema(Nullable.GetUnderlyingType(type) ?? type, context.SchemaRepository);

    private static IReadOnlyList<string> RouteParameters(string path) =>
        System.Text.RegularExpressions.Regex.Matches(path, @"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}").Select(m => m.Groups[1].Value).ToList();

    private static string? Nonblank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal enum BindingSource { Route, Query, Header, Body, Server }

/// <summary>Where FastEndpoints takes a request DTO property from, following its binding attributes and route.</summary>
internal sealed record RequestBinding(PropertyInfo Property, BindingSource Source, string Name, string JsonName, bool Required, JsonNode? Default)
{
    public static IReadOnlyList<RequestBinding> Of(Type request, IReadOnlyList<string> routeParameters)
    {
        var sample = request.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(request) : null;
        var bindings = new List<RequestBinding>();
        foreach (var property in request.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod?.IsPublic != true || property.GetIndexParameters().Length > 0) continue;
            var bindFrom = property.GetCustomAttribute<BindFromAttribute>()?.Name;
            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var name = bindFrom ?? jsonName;
            var header = property.GetCustomAttribute<FromHeaderAttribute>();
            var source =
                property.IsDefined(typeof(FromClaimAttribute)) || property.IsDefined(typeof(HasPermissionAttribute))
                || property.IsDefined(typeof(DontBindAttribute)) || property.IsDefined(typeof(JsonIgnoreAttribute)) ? BindingSource.Server
                : header is not null ? BindingSource.Header
                : routeParameters.Any(r => r.Equals(bindFrom ?? property.Name, StringComparison.OrdinalIgnoreCase)) ? BindingSource.Route
                : property.IsDefined(typeof(QueryParamAttribute)) || property.IsDefined(typeof(FromQueryAttribute)) ? BindingSource.Query
                : BindingSource.Body;
            if (header is not null) name = header.HeaderName ?? property.Name;
            var required = header?.IsRequired
                           ?? (property.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute))
                               || property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute)));
            bindings.Add(new RequestBinding(property, source, name, jsonName, required, DefaultOf(property, sample)));
        }
        return bindings;
    }

    /// <summary>The value a new request carries when the client sends none (e.g. page = 1, pageSize = 20).</summary>
    private static JsonNode? DefaultOf(PropertyInfo property, object? sample)
    {
        var value = sample is null ? null : property.GetValue(sample);
        if (value is null) return null;
        var type = property.PropertyType;
        if (type.IsValueType && Equals(value, Activator.CreateInstance(type))) return null;
        if (value is string { Length: 0 }) return null;
        return value switch
        {
            string s => JsonValue.Create(s),
            int i => JsonValue.Create(i),
            long l => JsonValue.Create(l),
            bool b => JsonValue.Create(b),
            decimal d => JsonValue.Create(d),
            _ => null,
        };
    }
}

/// <summary>Operation ids from the endpoint class: its feature folder when it is just <c>Endpoint</c>, else its name.</summary>
internal static class OperationIds
{
    public static string For(Type endpointType)
    {
        var name = endpointType.Name;
        if (name == "Endpoint") name = endpointType.Namespace?.Split('.')[^1] ?? name;
        else if (name.EndsWith("Endpoint", StringComparison.Ordinal)) name = name[..^"Endpoint".Length];
        return JsonNamingPolicy.CamelCase.ConvertName(name);
    }

    /// <summary>listUnits → "List units".</summary>
    public static string Humanize(string operationId)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(operationId, "(?<=[a-z0-9])([A-Z])", " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
