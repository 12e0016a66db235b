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
        return services;
    }
}
