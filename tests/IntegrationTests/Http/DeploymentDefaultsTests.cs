using System.Text.RegularExpressions;

namespace Khcn.IntegrationTests.Http;

/// <summary>The deployment in infra/ is safe by default (issue 16): no demo accounts unless asked, security headers kept.</summary>
public sealed class DeploymentDefaultsTests
{
    private static string Infra(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "infra", file))) return File.ReadAllText(Path.Combine(dir.FullName, "infra", file));
        throw new FileNotFoundException($"infra/{file} not found above {AppContext.BaseDirectory}");
    }

    [Fact]
    public void Given_the_compose_deployment_When_SEED_DEMO_is_not_set_Then_no_demo_accounts_are_seeded()
    {
        var seed = Regex.Match(Infra("docker-compose.yml"), @"Seed__Demo:\s*""\$\{SEED_DEMO:-(?<default>[^}]*)\}""");

        seed.Success.ShouldBeTrue("Seed__Demo comes from SEED_DEMO with a default");
        seed.Groups["default"].Value.ShouldBe("false");
    }

    [Fact]
    public void Given_nginx_in_front_Then_it_neither_hides_the_security_headers_nor_leaves_its_own_pages_without_them()
    {
        var nginx = Infra("nginx.conf");

        nginx.ShouldNotContain("proxy_hide_header");
        foreach (var header in new[] { "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy" })
            Regex.IsMatch(nginx, $@"add_header {header} \S+ always;").ShouldBeTrue($"nginx adds {header} to its own answers");
        nginx.ShouldContain("frame-ancestors 'none'");
    }
}
