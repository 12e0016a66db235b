using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Persistence;
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
        services.AddScoped<Khcn.BuildingBlocks.Jobs.IRecurringJob, Features.Reconciliation.NightlyReconciliation>();
        // The funding figures of the annual report and the plan dashboard.
        services.AddDataChangeStamp<FinanceDbContext>(FinanceDbContext.DataStamp);
        services.AddScoped<Khcn.Organization.Contracts.IIndicatorDataStamp, Integrations.IndicatorDataStamp>();
        services.AddScoped<Integrations.FundingFigures>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.FundsApprovedSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource>(sp => new Integrations.FundsPaidSource(sp.GetRequiredService<Integrations.FundingFigures>(), null));
        foreach (var kind in Enum.GetValues<Domain.FundingSourceKind>())
            services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource>(sp => new Integrations.FundsPaidSource(sp.GetRequiredService<Integrations.FundingFigures>(), kind));
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.FundsSettledSource>();
        return services;
    }
}
