using Khcn.BuildingBlocks.Application;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Participation;

public static class ParticipationModule
{
    public static IServiceCollection AddParticipationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleInfrastructure<ParticipationDbContext>(configuration, ParticipationDbContext.SchemaName, typeof(ParticipationModule).Assembly);
        services.AddScoped<ParticipationAccess>();
        services.AddScoped<Features.Emulation.RankingBuilder>();
        services.AddScoped<Features.Commendations.CommendationFacts>();
        return services;
    }
}
