using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Khcn.Organization.Contracts;
using Khcn.Organization.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Organization;

public static class OrganizationModule
{
    /// <summary>Organization &amp; Policy: the unit hierarchy (and, later, officials, plans, reports, the labour database).</summary>
    public static IServiceCollection AddOrganizationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleInfrastructure<OrganizationDbContext>(configuration, OrganizationDbContext.SchemaName, typeof(OrganizationModule).Assembly);
        services.AddScoped<IUnitTreeReader, UnitTreeReader>();
        // Subtrees change when a unit is created or deleted or moves (its path); the access cache watches this stamp.
        services.AddChangeStamp<OrganizationDbContext>(AccessStamps.UnitTree, e => e.Entity is Domain.UnionUnit
            && (e.State != EntityState.Modified || e.Property(nameof(Domain.UnionUnit.Path)).IsModified
                || e.Property(nameof(Domain.UnionUnit.ParentId)).IsModified));
        services.AddScoped<IReportIndicatorSource, Features.Reports.FocalOfficialSource>();
        services.AddScoped<IReportIndicatorSource, Features.Reports.OfficialsSource>();
        services.AddScoped<IReportIndicatorSource, Features.Reports.PlanIssuedSource>();
        services.AddScoped<Features.Reports.ReportPrefill>();
        services.AddScoped<Features.Reports.ReportAccess>();
        services.AddScoped<Features.Reports.SynthesisBuilder>();
        services.AddScoped<Features.Reports.NarrativeReader>();
        services.AddScoped<Khcn.BuildingBlocks.Jobs.IRecurringJob, Features.Reports.ReportReminders>();
        services.AddOptions<Features.Reports.ReportOptions>().BindConfiguration(Features.Reports.ReportOptions.Section);
        services.AddScoped<Features.Plans.PlanCompliance>();
        return services;
    }
}
