using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FastEndpoints;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.OpenApi;

/// <summary>The document third parties and the SPA's generated client rely on: complete, and the committed copy current.</summary>
public sealed partial class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string DocumentUrl = "/swagger/v1/swagger.json";
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "patch"];

    [ApiFact]
    public async Task Given_the_committed_document_When_the_api_serves_its_own_Then_they_are_the_same()
    {
        var live = await LiveDocumentAsync();
        var path = Path.Combine(RepositoryRoot(), "backend", "openapi.json");
        File.Exists(path).ShouldBeTrue($"{path} is missing: run `make openapi` and commit it.");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));

        var difference = FirstDifference(committed, live, "$");
        difference.ShouldBeNull($"backend/openapi.json is stale ({difference}): run `make openapi` and commit the result.");
    }

    [ApiFact]
    public async Task Given_the_document_When_reading_each_operation_Then_it_has_a_unique_id_a_tag_a_summary_and_its_path_parameters()
    {
        var operations = Operations(await LiveDocumentAsync()).ToList();
        operations.ShouldNotBeEmpty();

        foreach (var (verb, path, operation) in operations)
        {
            var name = $"{verb.ToUpperInvariant()} {path}";
            operation["operationId"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{name} has no operationId");
            operation["tags"]?.AsArray().Count.ShouldBeGreaterThan(0, $"{name} has no tag");
            operation["summary"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{name} has no summary");

            var declared = (operation["parameters"]?.AsArray() ?? [])
                .Where(p => p!["in"]!.GetValue<string>() == "path" && p["required"]?.GetValue<bool>() == true)
                .Select(p => p!["name"]!.GetValue<string>()).ToHashSet();
            foreach (var parameter in RouteParameter().Matches(path).Select(m => m.Groups[1].Value))
                declared.ShouldContain(parameter, $"{name} does not declare its path parameter {parameter}");
        }

        var duplicates = operations.GroupBy(o => o.Operation["operationId"]!.GetValue<string>()).Where(g => g.Count() > 1).Select(g => g.Key);
        duplicates.ShouldBeEmpty("operationIds must be unique");
    }

    [ApiFact]
    public async Task Given_the_document_When_reading_request_bodies_and_main_responses_Then_each_carries_a_whole_example()
    {
        // #15: an integrator reads a complete body. Spectral (make lint-openapi, oas3-valid-media-example: error)
        // checks each example against its schema; this test checks that none is missing.
        var operations = Operations(await LiveDocumentAsync()).ToList();
        foreach (var (verb, path, operation) in operations)
        {
            var name = $"{verb.ToUpperInvariant()} {path}";
            foreach (var (type, media) in operation["requestBody"]?["content"]?.AsObject() ?? [])
                media!["example"].ShouldNotBeNull($"{name}: the {type} request body has no example");
            foreach (var status in new[] { "200", "201" })
                if (operation["responses"]?[status]?["content"]?["application/json"] is { } json)
                    json["example"].ShouldNotBeNull($"{name}: the {status} response has no example");
        }

        var propose = operations.Single(o => o.Verb == "post" && o.Path == "/api/v1/training/courses").Operation;
        var example = propose["requestBody"]!["content"]!["application/json"]!["example"]!;
        example["code"]!.GetValue<string>().ShouldBe("KHCN-2025-01");
        example["subject"]!.GetValue<string>().ShouldNotBeNullOrEmpty("an enum takes one of its values");
        example["enrolmentOpensOn"]!.GetValue<string>().ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
    }

    [ApiFact]
    public async Task Given_update_unit_When_documented_Then_the_body_leaves_out_route_and_header_values_and_if_match_is_a_header()
    {
        var document = await LiveDocumentAsync();
        var operation = document["paths"]![UpdateUnit.Route]!["put"]!;

        var parameters = operation["parameters"]!.AsArray().Select(p => $"{p!["in"]}:{p["name"]}").ToList();
        parameters.ShouldContain("path:id");
        parameters.ShouldContain("header:If-Match");

        var reference = operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var body = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
        var properties = body["properties"]!.AsObject().Select(p => p.Key).ToList();
        properties.ShouldContain("name");
        properties.ShouldNotContain("id");
        properties.ShouldNotContain("ifMatch");

        var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
        responses.ShouldContain("412");
        responses.ShouldContain("428");
    }

    [ApiFact]
    public async Task Given_endpoints_that_need_a_user_When_documented_Then_they_carry_the_bearer_requirement_and_anonymous_ones_do_not()
    {
        var document = await LiveDocumentAsync();
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        scheme["type"]!.GetValue<string>().ShouldBe("http");
        scheme["scheme"]!.GetValue<string>().ShouldBe("bearer");

        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<EndpointDefinition>() is not null).ToList();
        endpoints.ShouldNotBeEmpty();
        foreach (var endpoint in endpoints)
        foreach (var verb in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
        {
            var path = RouteParameter().Replace("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), "{$1}");
            var operation = document["paths"]?[path]?[verb.ToLowerInvariant()];
            operation.ShouldNotBeNull($"{verb} {path} is missing from the document");
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var bearer = operation["security"]?.AsArray().Any(r => r!.AsObject().ContainsKey("Bearer")) == true;
            bearer.ShouldBe(!anonymous, $"{verb} {path}: {(anonymous ? "anonymous, yet documented with" : "needs a user, yet documented without")} the bearer requirement");
        }
    }

    [ApiFact]
    public async Task Given_the_document_When_reading_error_responses_Then_each_is_a_problem_details()
    {
        var document = await LiveDocumentAsync();
        foreach (var (verb, path, operation) in Operations(document))
        foreach (var (status, value) in operation["responses"]!.AsObject().Where(r => int.Parse(r.Key) >= 400))
        {
            var response = value!["$ref"] is { } reference
                ? document["components"]!["responses"]![reference.GetValue<string>().Split('/')[^1]]!
                : value;
            response["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>()
                .ShouldBe("#/components/schemas/ProblemDetails", $"{verb.ToUpperInvariant()} {path} {status}");
        }
    }

    [ApiFact]
    public void Given_classes_of_the_same_name_in_different_modules_When_named_as_schemas_Then_their_ids_differ()
    {
        // Swashbuckle fails only when two clashing types meet in one document; check every type we have, up front.
        var schemaIdOf = typeof(Program).Assembly.GetType("Khcn.Host.OpenApi.SchemaIds", throwOnError: true)!.GetMethod("For")!;
        var types = Directory.GetFiles(AppContext.BaseDirectory, "Khcn.*.dll").Where(f => !Path.GetFileName(f).Contains("Tests", StringComparison.Ordinal))
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f))).SelectMany(a => a.GetTypes()).Where(t => !(t.FullName ?? t.Name).Contains('<') && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
            .ToList();
        types.Select(t => t.Name).GroupBy(n => n).ShouldContain(g => g.Count() > 1, "the check needs same-named classes to mean anything");

        var clashes = types.GroupBy(t => (string)schemaIdOf.Invoke(null, [t])!).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}");
        clashes.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_browser_When_opening_swagger_Then_the_ui_loads()
    {
        var response = await api.CreateClient().GetAsync("/swagger", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("swagger-ui");
    }

    private async Task<JsonNode> LiveDocumentAsync()
    {
        var response = await api.CreateClient().GetAsync(DocumentUrl, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    private static IEnumerable<(string Verb, string Path, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where Verbs.Contains(operation.Key)
        select (operation.Key, path.Key, operation.Value!);

    /// <summary>Where two JSON documents first differ (object member order aside), or null when they are equal.</summary>
    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string at)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key)) return $"{at}.{key} is new";
                    if (!a.ContainsKey(key)) return $"{at}.{key} is gone";
                    if (FirstDifference(e[key], a[key], $"{at}.{key}") is { } inner) return inner;
                }
                return null;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    if (i >= e.Count) return $"{at}[{i}] is new";
                    if (i >= a.Count) return $"{at}[{i}] is gone";
                    if (FirstDifference(e[i], a[i], $"{at}[{i}]") is { } inner) return inner;
                }
                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{at} was {expected?.ToJsonString() ?? "null"}, is {actual?.ToJsonString() ?? "null"}";
        }
    }

    /// <summary>The repository root: the nearest folder above the test binaries that holds the Makefile.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Makefile"))) return dir.FullName;
        throw new InvalidOperationException($"No Makefile above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
