using Khcn.IntegrationTests.Support;

namespace Khcn.IntegrationTests.Http;

/// <summary>
/// The API writes Vietnamese as UTF-8 (#12, #17: a \uXXXX escape per letter made every list's JSON longer and slower to
/// write), while the characters HTML treats specially are still escaped.
/// </summary>
public sealed class JsonEncodingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_the_unit_tree_When_it_is_read_Then_Vietnamese_names_come_as_UTF8_letters_not_escapes()
    {
        var client = await api.LoginAsync(Users.Leader);

        var response = await client.GetAsync("/api/v1/organization/units/tree", TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Liên đoàn Lao động tỉnh Hưng Yên", raw);
        Assert.DoesNotContain("\\u0110", raw); // Đ
        Assert.DoesNotContain("\\u1EA", raw, StringComparison.OrdinalIgnoreCase); // ạ, ả, ấ…
    }
}
