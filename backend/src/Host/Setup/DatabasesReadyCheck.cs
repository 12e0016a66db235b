using Khcn.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Host.Setup;

/// <summary>Ready when every module database answers and has no pending migration.</summary>
internal sealed class DatabasesReadyCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var problems = new List<string>();
        foreach (var module in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            try
            {
                if (!await db.Database.CanConnectAsync(ct)) problems.Add($"{module.Schema}: unreachable");
                else if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) problems.Add($"{module.Schema}: migrations pending");
            }
            catch (Exception ex)
            {
                problems.Add($"{module.Schema}: {ex.GetType().Name}");
            }
        }
        return problems.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", problems));
    }
}
