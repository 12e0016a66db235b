using Khcn.BuildingBlocks.Application;
using Khcn.Training.Data;
using Khcn.Training.Features.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Training;

public static class TrainingModule
{
    public static IServiceCollection AddTrainingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleInfrastructure<TrainingDbContext>(configuration, TrainingDbContext.SchemaName, typeof(TrainingModule).Assembly);
        services.AddScoped<TrainingAccess>();
        services.AddScoped<Features.Campaigns.CampaignVisibility>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Features.Campaigns.CampaignsHeldSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Features.Campaigns.PeopleReachedSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Features.Campaigns.WomenReachedSource>();
        return services;
    }
}
