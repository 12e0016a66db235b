using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Khcn.IntegrationTests.Support;

namespace Khcn.IntegrationTests.Http;

/// <summary>What any request may send, checked for every endpoint alike: nulls, empty bodies, hidden characters, wrong kinds.</summary>
public sealed partial class InputSafetyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static HttpRequestMessage Json(HttpMethod method, string url, string json, string? language = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    private static string[] Messages(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [ApiFact]
    public async Task Given_null_lists_When_creating_or_updating_campaigns_plans_and_reports_Then_400_naming_each_field()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var id = Guid.NewGuid();
        var cases = new (HttpMethod Method, string Url, string Json, string[] Fields)[]
        {
            (HttpMethod.Post, "/api/v1/training/campaigns",
                $$"""{"unitId":"{{id}}","title":"Tuyên truyền","startsOn":"2025-04-01","endsOn":"2025-05-01","channels":["Meeting"],"participatingUnitIds":null,"audiences":null}""",
                ["participatingUnitIds", "audiences"]),
            (HttpMethod.Put, $"/api/v1/training/campaigns/{id}",
                """{"title":"Tuyên truyền","startsOn":"2025-04-01","endsOn":"2025-05-01","channels":["Meeting"],"participatingUnitIds":null,"audiences":null}""",
                ["participatingUnitIds", "audiences"]),
            (HttpMethod.Post, "/api/v1/organization/plans",
                $$"""{"unitId":"{{id}}","number":"1/KH","title":"Kế hoạch","issuerName":"LĐLĐ","issuedOn":"2025-01-02","periodFrom":2025,"periodTo":2026,"implementationDeadline":"2025-03-01","sections":null,"indicators":null}""",
                ["sections", "indicators"]),
            (HttpMethod.Put, $"/api/v1/organization/plans/{id}",
                """{"number":"1/KH","title":"Kế hoạch","issuerName":"LĐLĐ","issuedOn":"2025-01-02","periodFrom":2025,"periodTo":2026,"implementationDeadline":"2025-03-01","sections":[{"code":"I","title":"Mục","tasks":null}],"indicators":null}""",
                ["sections[0].tasks", "indicators"]),
            (HttpMethod.Put, $"/api/v1/organization/reports/periods/{id}/units/{id}", """{"values":null}""", ["values"]),
        };
        foreach (var (method, url, json, fields) in cases)
        {
            var english = await (await admin.SendAsync(Json(method, url, json))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            var vietnamese = await (await admin.SendAsync(Json(method, url, json, "vi"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            foreach (var field in fields)
            {
                Messages(english, field).ShouldContain($"'{field}' must not be empty.", $"{method} {url}");
                Messages(vietnamese, field).ShouldContain("Không được để trống.");
            }
        }
    }

    [ApiFact]
    public async Task Given_every_request_schema_When_each_non_nullable_property_is_sent_as_null_Then_no_server_error()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(OpenApiPath()))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        foreach (var (method, operation) in operations!.AsObject())
        {
            if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema) continue;
            var url = RouteParameter().Replace(path, Guid.NewGuid().ToString());
            var sample = Sample(schema, schemas, depth: 0);
            foreach (var nulled in NullVariants(sample, schema, schemas))
            {
                var response = await admin.SendAsync(Json(new HttpMethod(method.ToUpperInvariant()), url, nulled.Body));
                sent++;
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{method.ToUpperInvariant()} {path} with {nulled.Path} = null: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        sent.ShouldBeGreaterThan(100);
        failures.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_every_request_schema_When_each_required_list_is_omitted_Then_400_naming_the_field_never_a_server_error()
    {
        var admin = await api.LoginAsync(Users.Admin);
        // The administrator holds no Finance permission (a 403 would come before the body is read): Finance's officer asks there.
        var finance = await api.LoginAsync("taichinh@hungyen.demo");
        var document = JsonNode.Parse(await File.ReadAllTextAsync(OpenApiPath()))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        foreach (var (method, operation) in operations!.AsObject())
        {
            if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema) continue;
            var url = RouteParameter().Replace(path, Guid.NewGuid().ToString());
            var sample = Sample(schema, schemas, depth: 0);
            var lists = new List<string>();
            Collect(sample, schema, schemas, "$", lists, depth: 0, RequiredList);
            foreach (var list in lists)
            {
                var copy = sample!.DeepClone();
                Set(copy, list, remove: true);
                var client = path.StartsWith("/api/v1/finance/", StringComparison.Ordinal) ? finance : admin;
                var response = await client.SendAsync(Json(new HttpMethod(method.ToUpperInvariant()), url, copy.ToJsonString()));
                sent++;
                var field = list[2..];
                var said = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest
                    || !(JsonDocument.Parse(said).RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)))
                    failures.Add($"{method.ToUpperInvariant()} {path} without {field}: {(int)response.StatusCode} {said}");
            }
        }
        sent.ShouldBeGreaterThan(20);
        failures.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_json_content_type_and_no_body_When_listing_Then_the_list_not_malformed_json()
    {
        var admin = await api.LoginAsync(Users.Admin);
        foreach (var url in new[] { "/api/v1/organization/units", "/api/v1/organization/officials", "/api/v1/training/courses", "/api/v1/training/partners" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url) { Content = new ByteArrayContent([]) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = await admin.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [ApiFact]
    public async Task Given_names_with_control_direction_or_only_invisible_characters_When_saving_Then_400_on_the_field()
    {
        var admin = await api.LoginAsync(Users.Admin);
        foreach (var name in new[] { "CĐCS\u0000Ẩn", "CĐCS \u202Egnoc", "\u200B\u200B", "CĐCS\u0007", "\u2067CĐCS" })
        {
            var body = JsonSerializer.Serialize(new { code = "VANLAM-HIDDEN", name, kind = "Grassroots", parentId = Guid.NewGuid() });
            var problem = await (await admin.SendAsync(Json(HttpMethod.Post, "/api/v1/organization/units", body, "vi")))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Messages(problem, "name").ShouldHaveSingleItem().ShouldBeOneOf(
                "Không được chứa ký tự điều khiển hoặc ký tự đổi chiều văn bản ẩn.", "Phải có ký tự nhìn thấy được.");
        }
        // Line breaks and Vietnamese stay welcome.
        var fine = JsonSerializer.Serialize(new { code = "VANLAM-FINE", name = "CĐCS Công ty Ánh Dương", kind = "Grassroots", parentId = Guid.NewGuid() });
        var response = await admin.SendAsync(Json(HttpMethod.Post, "/api/v1/organization/units", fine));
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("control characters");
    }

    [ApiFact]
    public async Task Given_a_value_of_the_wrong_kind_When_posting_Then_the_400_names_the_field_and_no_dotnet_type()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var body = $$"""{"unitId":"{{Guid.NewGuid()}}","title":"T","startsOn":"2025-04-01","endsOn":"2025-05-01","channels":["Meeting"],"participatingUnitIds":"not-a-list"}""";

        var english = await admin.SendAsync(Json(HttpMethod.Post, "/api/v1/training/campaigns", body));
        var vietnamese = await admin.SendAsync(Json(HttpMethod.Post, "/api/v1/training/campaigns", body, "vi"));
        var badRoute = await admin.GetAsync("/api/v1/training/campaigns/not-a-guid");

        foreach (var response in new[] { english, vietnamese, badRoute })
        {
            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBeLessThan(500, text);
            text.ShouldNotContain("System.");
            text.ShouldNotContain("`1");
        }
        Messages(await english.ShouldBeProblemAsync(HttpStatusCode.BadRequest), "participatingUnitIds").ShouldBe(["Expected a list."]);
        Messages(await vietnamese.ShouldBeProblemAsync(HttpStatusCode.BadRequest), "participatingUnitIds").ShouldBe(["Cần một danh sách."]);
    }

    [ApiFact]
    public async Task Given_a_missing_permission_or_a_bad_token_When_requesting_Then_the_problem_has_a_code_and_no_reason()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var forbidden = await officer.PostAsync("/api/v1/admin/users", new StringContent("{}", Encoding.UTF8, "application/json"));
        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var stranger = api.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxNjAwMDAwMDAwfQ.c2lnbmF0dXJlLXRoYXQtZG9lcy1ub3QtbWF0Y2g");
        var unauthorized = await stranger.GetAsync("/api/v1/me");
        var problem = await unauthorized.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var said = problem.GetRawText() + string.Join(' ', unauthorized.Headers.WwwAuthenticate.Select(h => h.ToString()));
        said.ShouldNotContain("expired", Case.Insensitive);
        said.ShouldNotContain("signature", Case.Insensitive);
        said.ShouldNotContain("error_description");
    }

    private static string OpenApiPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "backend", "openapi.json"))) return Path.Combine(dir.FullName, "backend", "openapi.json");
        throw new FileNotFoundException("backend/openapi.json");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();

    private static JsonNode Resolve(JsonNode schema, JsonObject schemas) =>
        schema["$ref"] is { } r ? schemas[r.GetValue<string>().Split('/')[^1]]! : schema;

    private static bool Nullable(JsonNode schema, JsonObject schemas) =>
        schema["nullable"]?.GetValue<bool>() == true || Resolve(schema, schemas)["nullable"]?.GetValue<bool>() == true
        || (schema["oneOf"] ?? schema["anyOf"])?.AsArray().Any(s => s?["nullable"]?.GetValue<bool>() == true || s?["type"]?.ToString() == "null") == true;

    /// <summary>A plausible value of the schema: every property filled, one item per list.</summary>
    private static JsonNode? Sample(JsonNode schema, JsonObject schemas, int depth)
    {
        var s = Resolve(schema, schemas);
        if ((s["oneOf"] ?? s["anyOf"] ?? s["allOf"]) is JsonArray choices)
            return choices.FirstOrDefault(c => c?["type"]?.ToString() != "null" && c?["nullable"] is null) is { } first ? Sample(first, schemas, depth) : null;
        if (s["enum"] is JsonArray values) return values[0]?.DeepClone();
        return s["type"]?.ToString() switch
        {
            "object" when depth > 4 => new JsonObject(),
            "object" => new JsonObject((s["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Sample(p.Value!, schemas, depth + 1)))),
            "array" => depth > 4 ? new JsonArray() : new JsonArray(Sample(s["items"]!, schemas, depth + 1)),
            "integer" or "number" => 1,
            "boolean" => false,
            "string" => s["format"]?.ToString() switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date" => "2025-04-01",
                "date-time" => "2025-04-01T08:00:00Z",
                "time" => "08:00:00",
                _ => "x",
            },
            _ => null,
        };
    }

    /// <summary>The sample with one non-nullable property (at any depth) set to null, for each such property.</summary>
    private static IEnumerable<(string Path, string Body)> NullVariants(JsonNode? sample, JsonNode schema, JsonObject schemas)
    {
        var found = new List<string>();
        Collect(sample, schema, schemas, "$", found, depth: 0);
        foreach (var path in found)
        {
            var copy = sample!.DeepClone();
            Set(copy, path);
            yield return (path, copy.ToJsonString());
        }
    }

    /// <summary>The paths (at any depth) of the properties <paramref name="wanted"/> picks (default: the non-nullable ones).</summary>
    private static void Collect(JsonNode? node, JsonNode schema, JsonObject schemas, string path, List<string> found, int depth,
        Func<JsonNode, string, JsonNode, JsonObject, bool>? wanted = null)
    {
        if (depth > 4 || node is null) return;
        var s = Resolve(schema, schemas);
        if (node is JsonObject obj && s["properties"] is JsonObject properties)
            foreach (var (name, propertySchema) in properties)
            {
                if (wanted?.Invoke(s, name, propertySchema!, schemas) ?? !Nullable(propertySchema!, schemas)) found.Add($"{path}.{name}");
                Collect(obj[name], propertySchema!, schemas, $"{path}.{name}", found, depth + 1, wanted);
            }
        else if (node is JsonArray { Count: > 0 } array && s["items"] is { } items)
            Collect(array[0], items, schemas, $"{path}[0]", found, depth + 1, wanted);
    }

    /// <summary>A list the schema requires and does not allow to be null.</summary>
    private static bool RequiredList(JsonNode owner, string name, JsonNode property, JsonObject schemas) =>
        owner["required"] is JsonArray required && required.Any(r => r?.GetValue<string>() == name)
        && Resolve(property, schemas)["type"]?.ToString() == "array" && !Nullable(property, schemas);

    private static void Set(JsonNode root, string path, bool remove = false)
    {
        var parts = System.Text.RegularExpressions.Regex.Matches(path[1..], @"\.(\w+)|\[(\d+)\]").Select(m => m.Groups[1].Success ? (object)m.Groups[1].Value : int.Parse(m.Groups[2].Value)).ToList();
        var node = root;
        foreach (var part in parts.SkipLast(1)) node = part is string n ? node[n]! : node[(int)part]!;
        if (parts[^1] is string last && remove) node.AsObject().Remove(last);
        else if (parts[^1] is string name) node[name] = null;
        else node[(int)parts[^1]] = null;
    }
}
