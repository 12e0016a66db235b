using System.IO.Compression;
using System.Net;
using System.Text;
using Khcn.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Khcn.IntegrationTests.Http;

/// <summary>A built SPA of its own (as `vite build` writes it: each text file with its .br and .gz copies).</summary>
public sealed class SpaApiFactory : ApiFactory
{
    public const string Index = "<!doctype html><html lang=\"vi\"><head><script type=\"module\" src=\"/assets/index-Ab12Cd34.js\"></script></head><body><div id=\"root\"></div></body></html>";
    public const string Script = "console.log('the SPA entry chunk, long enough to be worth compressing');";
    public const string ScriptPath = "/assets/index-Ab12Cd34.js";

    public string SpaRoot { get; } = Path.Combine(Path.GetTempPath(), "khcn-tests", "spa-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Spa:RootPath"] = SpaRoot };

    public SpaApiFactory()
    {
        Directory.CreateDirectory(Path.Combine(SpaRoot, "assets"));
        Write("index.html", Index);
        Write(ScriptPath.TrimStart('/'), Script);
        File.WriteAllText(Path.Combine(SpaRoot, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    }

    private void Write(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(Path.Combine(SpaRoot, path), bytes);
        File.WriteAllBytes(Path.Combine(SpaRoot, path + ".br"), Compress(bytes, s => new BrotliStream(s, CompressionLevel.SmallestSize)));
        File.WriteAllBytes(Path.Combine(SpaRoot, path + ".gz"), Compress(bytes, s => new GZipStream(s, CompressionLevel.SmallestSize)));
    }

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(bytes);
        return output.ToArray();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(SpaRoot, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// How the Host delivers the SPA (issue 17) and the headers every answer carries (issue 16): precompressed copies
/// by Accept-Encoding, long-lived caching of hashed assets only, security headers, and the client-side-route
/// fallback for GET and HEAD only.
/// </summary>
public sealed class SpaDeliveryTests(SpaApiFactory api) : IClassFixture<SpaApiFactory>
{
    private static HttpRequestMessage Get(string url, string? acceptEncoding = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            var other => throw new InvalidOperationException($"unexpected encoding {other}"),
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    [ApiFact]
    public async Task Given_an_Accept_Encoding_When_a_hashed_asset_is_asked_Then_its_precompressed_copy_comes_typed_and_cached_for_a_year()
    {
        (string? Accept, string? Expected)[] cases =
            [("gzip, deflate, br, zstd", "br"), ("br;q=0, gzip", "gzip"), ("gzip;q=1.0", "gzip"), ("*", "br"), (null, null), ("identity", null)];
        foreach (var (accept, expected) in cases)
        {
            var response = await api.CreateClient().SendAsync(Get(SpaApiFactory.ScriptPath, accept));

            response.StatusCode.ShouldBe(HttpStatusCode.OK, accept);
            response.Content.Headers.ContentEncoding.SingleOrDefault().ShouldBe(expected, accept);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript", accept);
            response.Headers.Vary.ShouldContain("Accept-Encoding", accept);
            response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable", accept);
            (await TextAsync(response)).ShouldBe(SpaApiFactory.Script, accept);
        }
    }

    [ApiFact]
    public async Task Given_a_browser_When_the_page_or_a_client_side_route_is_asked_Then_index_html_comes_compressed_and_is_revalidated_every_time()
    {
        foreach (var path in new[] { "/", "/index.html", "/login", "/organization/units/123" })
        {
            var response = await api.CreateClient().SendAsync(Get(path, "gzip, deflate, br"));

            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", path);
            response.Content.Headers.ContentEncoding.ShouldBe(["br"], path);
            response.Headers.Vary.ShouldContain("Accept-Encoding", path);
            response.Headers.CacheControl!.NoCache.ShouldBeTrue(path);
            response.Headers.CacheControl.MaxAge.ShouldBeNull(path);
            (await TextAsync(response)).ShouldBe(SpaApiFactory.Index, path);
        }
    }

    [ApiFact]
    public async Task Given_a_HEAD_When_a_client_side_route_is_asked_Then_it_answers_like_GET_without_a_body()
    {
        var response = await api.CreateClient().SendAsync(Get("/login", "gzip", HttpMethod.Head));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_method_other_than_GET_or_HEAD_or_an_unknown_API_path_Then_the_answer_is_a_404_problem_not_the_SPA()
    {
        foreach (var (method, path) in new[] { ("POST", "/connect/authorize"), ("DELETE", "/anything"), ("PUT", "/login"), ("PATCH", "/organization/units"), ("GET", "/api/v1/no-such-thing") })
        {
            var request = Get(path, method: new HttpMethod(method));
            if (method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");

            var response = await api.CreateClient().SendAsync(request);

            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("<html", customMessage: $"{method} {path}");
        }
    }

    [ApiFact]
    public async Task Given_any_answer_Then_it_carries_the_security_headers()
    {
        foreach (var path in new[] { "/login", SpaApiFactory.ScriptPath, "/api/v1/me", "/health/live" })
        {
            var response = await api.CreateClient().GetAsync(path);

            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src")).ShouldBe("script-src 'self'", "no inline script");
            csp.ShouldContain("frame-ancestors 'none'");
            csp.ShouldContain("object-src 'none'");
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff", path);
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY", path);
            response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer", path);
            response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS is sent over HTTPS only");
        }
    }

    [ApiFact]
    public async Task Given_HTTPS_Then_answers_carry_HSTS_and_problems_keep_the_security_headers()
    {
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var page = await client.GetAsync("/login");
        var problem = await client.PostAsync("/anything", new StringContent("{}", Encoding.UTF8, "application/json"));

        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000; includeSubDomains");
        problem.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        problem.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        problem.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
    }
}
