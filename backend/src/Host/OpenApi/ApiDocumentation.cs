using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace Khcn.Host.OpenApi;

/// <summary>The Swashbuckle document of the API: /swagger/v1/swagger.json and the UI at /swagger.</summary>
internal static class ApiDocumentation
{
    public const string DocumentName = "v1";
    public const string Title = "KH,CN&ĐMST platform API";
    private const string ExportArgument = "--openapi-out";

    /// <summary>The tags of the document, one per module, in the order a reader meets them.</summary>
    public static readonly IReadOnlyDictionary<string, string> ModuleTags = new Dictionary<string, string>
    {
        ["Auth"] = "Log in, refresh and revoke tokens. The access token goes in `Authorization: Bearer …` on every other call.",
        ["Me"] = "The calling user: roles, the units they hold them over, and the permissions that follow.",
        ["Organization"] = "The union hierarchy (provincial federation, upper-level unions, grassroots unions) and its units.",
        ["Training"] = "Awareness campaigns, training courses and workshops with partner agencies.",
        ["Participation"] = "Members' participation: initiatives, technical improvements, emulation movements and honours.",
        ["Finance"] = "Funding of research tasks and the plan's activities: state budget and socialised (non-state) funding.",
        ["Administration"] = "User accounts and their roles per unit, for administrators in their scope.",
        ["Audit"] = "Who changed what and when, for administrators and leaders in their scope.",
        ["Integrations"] = "Integrator clients (OAuth 2.0 client credentials) and their webhook subscriptions, for administrators in their scope.",
    };

    private const string Description = """
        The REST API of the platform that runs the provincial Labour Federation's plan for science, technology and
        innovation (khoa học, công nghệ và đổi mới sáng tạo) across every union level.

        * **Authentication**: `POST /api/v1/auth/login` returns a short-lived JWT access token and a refresh token;
          send `Authorization: Bearer <accessToken>`. Every grant covers a unit and all units below it; records
          outside the caller's scope answer 404.
        * **Third-party systems** use an integrator client instead (OAuth 2.0 client credentials): `POST /connect/token`
          with `grant_type=client_credentials`, `client_id`, `client_secret` and optionally `scope` (form-encoded)
          returns an access token sent the same way. The client acts with its role over its unit, only within its
          API scopes (an operation outside them answers 403; each operation names the scope it needs), and at most
          its requests per minute (429 with `Retry-After`).
        * **Errors** are RFC 9457 problem details (`application/problem+json`) with a `traceId`, a machine-readable
          `code` and, for validation, the messages per field in `errors`.
        * **Lists** take `page` (from 1), `pageSize` (default 20, at most 200), `sort` (a field, `-` prefix for
          descending) and `q` (ignores case and Vietnamese diacritics), and answer `{ items, page, pageSize, total }`.
        * **Updates** need `If-Match` with the `ETag` of the last read (412 when someone changed the record since).
        * **Creating POSTs** accept an `Idempotency-Key` header: a retry with the same key returns the first answer.
        * JSON is camelCase, enums are strings, times are UTC (ISO 8601).
        """;

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        var xmlFiles = XmlDocs.FilesIn(AppContext.BaseDirectory).ToList();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo { Title = Title, Version = DocumentName, Description = Description });
            o.AddServer(new OpenApiServer { Url = "/", Description = "The server that serves this document." });
            o.CustomSchemaIds(SchemaIds.For);
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            foreach (var file in xmlFiles) o.IncludeXmlComments(file);
            o.AddSecurityDefinition(EndpointOperationFilter.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The access token from POST /api/v1/auth/login (or /refresh).",
            });
            o.AddSecurityDefinition(EndpointOperationFilter.ClientCredentialsScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "An integrator client's token (OAuth 2.0 client credentials), for third-party systems.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(Khcn.Platform.Auth.ClientCredentialsOptions.TokenPath, UriKind.Relative),
                        Scopes = Khcn.BuildingBlocks.Security.ApiScopes.All.ToDictionary(x => x.Name, x => x.Description),
                    },
                },
            });
            o.AddSchemaFilterInstance(new RequiredValuesSchemaFilter());
            o.AddOperationFilterInstance(new EndpointOperationFilter(new XmlDocs(xmlFiles)));
            o.AddDocumentFilterInstance(new ApiDocumentFilter());
            o.AddDocumentFilterInstance(new ExamplesDocumentFilter());
        });
        return services;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger(o => o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0);
        app.UseSwaggerUI(o => o.DocumentTitle = Title);
        return app;
    }

    /// <summary>The path after <c>--openapi-out</c>, when the app was started to write its document.</summary>
    public static string? ExportPathFrom(string[] args)
    {
        var i = Array.IndexOf(args, ExportArgument);
        if (i < 0) return null;
        return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{ExportArgument} needs a file path.");
    }

    /// <summary>Writes the document exactly as /swagger/v1/swagger.json serves it (the committed copy).</summary>
    public static async Task WriteApiDocumentAsync(this WebApplication app, string path)
    {
        // The endpoints reach ApiExplorer only when the pipeline is built at start-up; this run never starts, so
        // register them the way the implicit UseEndpoints of WebApplication would.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var document = app.Services.GetRequiredService<ISwaggerProvider>().GetSwagger(DocumentName);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, json.ReplaceLineEndings("\n") + "\n");
        Console.WriteLine($"OpenAPI document written to {full}");
    }

    /// <summary>The module an endpoint belongs to, from its namespace (Khcn.Organization… → Organization).</summary>
    public static string ModuleTagOf(Type endpointType)
    {
        var parts = (endpointType.Namespace ?? "").Split('.');
        if (parts.Length > 1 && parts[1] == "Platform")
            return parts.Length > 3 ? parts[3] switch { "Users" => "Administration", "Clients" or "Webhooks" => "Integrations", var p => p } : "Platform";
        return parts.Length > 1 ? parts[1] : "Api";
    }
}
