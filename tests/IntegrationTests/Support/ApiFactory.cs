using System.Net.Http.Headers;
using System.Net.Http.Json;
using Khcn.BuildingBlocks.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Khcn.IntegrationTests.Support;

/// <summary>
/// The real API over a real database of its own (SQLite files in a fresh folder, or a fresh SQL Server database
/// in the SqlServer suite), demo data seeded. One per test class; override <see cref="Settings"/> to vary config.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo@2025!";

    public virtual string DataDir { get; } = Path.Combine(Path.GetTempPath(), "khcn-tests", Guid.NewGuid().ToString("N"));
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 10, 2, 0, 0, TimeSpan.Zero));
    private IReadOnlyDictionary<string, string?> _engine = new Dictionary<string, string?>();

    /// <summary>Configuration on top of the defaults (demo seeding on, generous rate limits, fast outbox).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Whether the fake clock replaces the system clock (off by default: JWT validation uses real time).</summary>
    protected virtual bool UseFakeClock => false;

    /// <summary>Off for the restart tests, where a second instance reopens the same data.</summary>
    protected virtual bool DeleteDataOnDispose => true;

    public async ValueTask InitializeAsync()
    {
        var engine = await TestEngine.CreateDatabaseAsync(Guid.NewGuid().ToString("N")[..12]);
        if (engine is null) return; // engine unavailable: the [ApiFact] tests report themselves skipped
        _engine = engine;
        _ = Server; // start: migrate and seed now, not inside the first test
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataDir"] = DataDir,
            ["Seed:Demo"] = "true",
            ["Jwt:SigningKey"] = "integration-tests-signing-key-0123456789-abcdefghij",
            ["RateLimiting:LoginPerIpPerMinute"] = "10000",
            ["RateLimiting:LoginPerAccountPerMinute"] = "10000",
            ["Outbox:PollMilliseconds"] = "200",
            // Off unless a test turns it on (DashboardWarmUpTests): a background warm-up would race the dashboard tests'
            // expectations of what is kept and what a read computes.
            ["Dashboard:WarmUp"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in _engine) settings[k] = v;
        foreach (var (k, v) in Settings) settings[k] = v;
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.UseEnvironment("Testing");
        if (UseFakeClock)
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client logged in as the given demo (or created) user.</summary>
    public async Task<HttpClient> LoginAsync(string email, string password = DemoPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var tokens = await response.Content.ReadFromJsonAsync<Tokens>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens!.AccessToken);
        return client;
    }

    /// <summary>Runs code inside the app's DI container as the system (no scope restrictions).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessContext>().UseSystem();
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (DeleteDataOnDispose)
            try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    public sealed record Tokens(string AccessToken, DateTime AccessTokenExpiresAt, string RefreshToken, DateTime RefreshTokenExpiresAt);
}

public static class Users
{
    public const string Admin = "admin@hungyen.demo";
    public const string Leader = "lanhdao@hungyen.demo";
    public const string PolicyLaw = "cspl@hungyen.demo";
    public const string VanLamOfficer = "canbo.vanlam@hungyen.demo";
    public const string MyHaoOfficer = "canbo.myhao@hungyen.demo";
    public const string VanLamFocal = "daumoi.vanlam@hungyen.demo";
}
