using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
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
        services.AddScoped<IUnitTreeReader, UnitTreeReader>();
        services.AddScoped<Features.Plans.PlanCompliance>();
        return services;
    }
}
