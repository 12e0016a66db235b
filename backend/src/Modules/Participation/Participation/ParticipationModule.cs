using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Persistence;
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
        // The KH,CN&ĐMST search (ADR 0014).
        services.AddSingleton<Khcn.BuildingBlocks.Persistence.ISearchProjection, Integrations.InitiativeSearchProjection>();
        services.AddSingleton<Khcn.BuildingBlocks.Persistence.ISearchProjection, Integrations.TopicSearchProjection>();
        services.AddSingleton<Khcn.BuildingBlocks.Persistence.ISearchProjection, Integrations.MovementSearchProjection>();
        services.AddScoped<Khcn.BuildingBlocks.Contracts.ISearchDocumentSource, Integrations.ParticipationSearchSource>();
        services.AddScoped<ParticipationAccess>();
        Khcn.BuildingBlocks.Documents.PublicLinks.AddPublicLinks(services, configuration);
        services.AddScoped<Features.Emulation.RankingBuilder>();
        services.AddScoped<Khcn.BuildingBlocks.Jobs.IRecurringJob, Features.Emulation.RegistrationReminders>();
        services.AddOptions<Features.Emulation.EmulationOptions>().BindConfiguration(Features.Emulation.EmulationOptions.Section);
        services.AddScoped<Features.Commendations.CommendationFacts>();
        // The innovation figures of the annual report and the plan dashboard.
        services.AddDataChangeStamp<ParticipationDbContext>(ParticipationDbContext.DataStamp);
        services.AddSingleton<Features.Initiatives.InitiativePageCache>();
        services.AddScoped<Khcn.Organization.Contracts.IIndicatorDataStamp, Integrations.IndicatorDataStamp>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorRecords, Integrations.InnovationIndicatorRecords>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.InitiativesSubmittedSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.InitiativesRecognisedSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.InitiativeBenefitSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.TopicsOrderedSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.TopicsAcceptedSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource>(sp =>
            new Integrations.HonouredSource(sp.GetRequiredService<ParticipationDbContext>(), Domain.NomineeKind.Person));
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource>(sp =>
            new Integrations.HonouredSource(sp.GetRequiredService<ParticipationDbContext>(), Domain.NomineeKind.Unit));
        return services;
    }
}
