using System.Net;
using System.Text.Json;
using Khcn.IntegrationTests.Support;

namespace Khcn.IntegrationTests.Platform;

/// <summary>An instance started without demo data, with the given first-administrator settings.</summary>
public sealed class FirstStartApi(string? email, string? password) : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Seed:Demo"] = "false",
        ["Seed:AdminEmail"] = email,
        ["Seed:AdminPassword"] = password,
        ["Seed:RootUnitCode"] = "LDLD-TEST",
        ["Seed:RootUnitName"] = "Liên đoàn Lao động tỉnh Thử nghiệm",
    };
}

public sealed class FirstStartTests
{
    [ApiFact]
    public async Task Given_no_demo_data_and_no_admin_password_When_starting_Then_start_up_refuses()
    {
        await using var api = new FirstStartApi("root@tinh.vn", null);
        var error = await Should.ThrowAsync<Exception>(async () => await api.InitializeAsync());
        error.ToString().ShouldContain("Seed:AdminPassword");
    }

    [ApiFact]
    public async Task Given_a_weak_admin_password_When_starting_Then_start_up_refuses()
    {
        await using var api = new FirstStartApi("root@tinh.vn", "123456");
        var error = await Should.ThrowAsync<Exception>(async () => await api.InitializeAsync());
        error.ToString().ShouldContain("Passwords must");
    }

    [ApiFact]
    public async Task Given_a_strong_admin_password_When_starting_Then_the_admin_manages_the_root_unit_only()
    {
        await using var api = new FirstStartApi("root@tinh.vn", "Qu4n-tri!Tinh");
        await api.InitializeAsync();

        var admin = await api.LoginAsync("root@tinh.vn", "Qu4n-tri!Tinh");
        var units = await (await admin.GetAsync("/api/v1/organization/units")).ReadAsync<JsonElement>();

        units.GetProperty("total").GetInt32().ShouldBe(1);
        units.GetProperty("items")[0].GetProperty("code").GetString().ShouldBe("LDLD-TEST");
        (await api.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = "admin@hungyen.demo", password = ApiFactory.DemoPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "no demo users without demo seeding");
    }
}
