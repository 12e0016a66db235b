using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.IntegrationTests.Support;

namespace Khcn.IntegrationTests.Http;

/// <summary>
/// The API's JSON answers are compressed for a client that accepts it (#17: Lighthouse's uses-text-compression on the
/// signed-in home page, whose dashboard and unit tree came plain), the sign-in and token answers never (they carry
/// secrets: BREACH).
/// </summary>
public sealed class ApiCompressionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static HttpRequestMessage Get(string url, string acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    [ApiFact]
    public async Task Given_a_client_accepting_brotli_When_it_reads_the_dashboard_Then_the_JSON_comes_compressed_and_decodes_to_the_same_figures()
    {
        var client = await api.LoginAsync(Users.Leader);
        var plain = await client.GetAsync("/api/v1/dashboard?year=2025");
        plain.EnsureSuccessStatusCode();
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        var compressed = await client.SendAsync(Get("/api/v1/dashboard?year=2025", "br, gzip"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        await using var decoded = new BrotliStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var figures = await JsonDocument.ParseAsync(decoded);
        var expected = await JsonDocument.ParseAsync(await plain.Content.ReadAsStreamAsync());
        Assert.Equal(expected.RootElement.GetProperty("indicators").GetArrayLength(), figures.RootElement.GetProperty("indicators").GetArrayLength());
    }

    [ApiFact]
    public async Task Given_a_client_accepting_gzip_only_When_it_reads_the_unit_tree_Then_it_comes_gzipped()
    {
        var client = await api.LoginAsync(Users.Leader);

        var response = await client.SendAsync(Get("/api/v1/organization/units/tree", "gzip"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [ApiFact]
    public async Task Given_a_client_accepting_brotli_When_it_signs_in_Then_the_answer_with_the_tokens_is_not_compressed()
    {
        var client = api.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = Users.Leader, password = ApiFactory.DemoPassword }),
        };
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<ApiFactory.Tokens>(TestContext.Current.CancellationToken))?.AccessToken);
    }
}
