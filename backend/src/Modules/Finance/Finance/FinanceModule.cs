using Khcn.BuildingBlocks.Application;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Finance;

public static class FinanceModule
{
    public static IServiceCollection AddFinanceModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleInfrastructure<FinanceDbContext>(configuration, FinanceDbContext.SchemaName, typeof(FinanceModule).Assembly);
        services.AddScoped<FinanceAccess>();
        services.AddScoped<Ledger>();
        services.AddScoped<Features.Reports.BudgetExecution>();
        return services;
    }
}
