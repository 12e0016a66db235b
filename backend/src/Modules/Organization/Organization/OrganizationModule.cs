using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Khcn.Organization.Contracts;
using Khcn.Organization.Integrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Organization;

public static class OrganizationModule
{
    /// <summary>Organization &amp; Policy: the unit hierarchy (and, later, officials, plans, reports, the labour database).</summary>
    public static IServiceCollection AddOrganizationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleInfrastructure<OrganizationDbContext>(configuration, OrganizationDbContext.SchemaName, typeof(OrganizationModule).Assembly);
        // The KH,CN&ĐMST search (ADR 0014): documents published with each change, and all of them for a rebuild.
        services.AddSingleton<Khcn.BuildingBlocks.Persistence.ISearchProjection, Integrations.UnitSearchProjection>();
        services.AddSingleton<Khcn.BuildingBlocks.Persistence.ISearchProjection, Integrations.PolicySearchProjection>();
        services.AddSingleton<Khcn.BuildingBlocks.Persistence.ISearchProjection, Integrations.PlanSearchProjection>();
        services.AddSingleton<Khcn.BuildingBlocks.Persistence.ISearchProjection, Integrations.ImplementationPlanSearchProjection>();
        services.AddScoped<Khcn.BuildingBlocks.Contracts.ISearchDocumentSource, Integrations.OrganizationSearchSource>();
        services.AddScoped<IUnitTreeReader, UnitTreeReader>();
        // Any saved unit changes this stamp: the access cache (subtrees) and the unit catalogue (the list) watch it.
        services.AddChangeStamp<OrganizationDbContext>(AccessStamps.Units, e => e.Entity is Domain.UnionUnit);
        services.AddSingleton<UnitCatalogue>();
        // Any saved change of the module's records renews this one: the plan dashboard keeps its figures per value.
        services.AddDataChangeStamp<OrganizationDbContext>(OrganizationDbContext.DataStamp);
        services.AddScoped<IIndicatorDataStamp, Integrations.IndicatorDataStamp>();
        services.AddSingleton<Features.Dashboard.DashboardCache>();
        services.AddSingleton<Features.Dashboard.DashboardRefresher>();
        services.AddScoped<Features.Dashboard.DashboardParts>();
        // Per replica (the kept parts are this process's memory): the province's and its districts' dashboards at start and each midnight.
        services.AddOptions<Features.Dashboard.DashboardOptions>().BindConfiguration(Features.Dashboard.DashboardOptions.Section);
        services.AddSingleton<Features.Dashboard.DashboardWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Dashboard.DashboardWarmUp>());
        services.AddScoped<IReportIndicatorSource, FocalOfficialSource>();
        services.AddScoped<IReportIndicatorSource, OfficialsSource>();
        services.AddScoped<IReportIndicatorSource, PlanIssuedSource>();
        services.AddScoped<ReportPrefill>();
        services.AddScoped<Features.Reports.SynthesisBuilder>();
        services.AddScoped<Features.Reports.SynthesisAggregator>();
        services.AddSingleton<Features.Reports.SynthesisCache>();
        services.AddSingleton<Features.Labour.EnterprisePageCache>();
        services.AddScoped<Features.Reports.NarrativeReader>();
        services.AddScoped<Khcn.BuildingBlocks.Jobs.IRecurringJob, Features.Reports.ReportReminders>();
        services.AddOptions<Features.Reports.ReportOptions>().BindConfiguration(Features.Reports.ReportOptions.Section);
        services.AddScoped<Features.Plans.PlanCompliance>();
        services.AddScoped<Features.Dashboard.DashboardFigures>();
        return services;
    }
}
