using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Persistence;
using Khcn.Training.Data;
using Khcn.Training.Access;
using Khcn.Training.Features.Calendar;
using Khcn.Training.Features.Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Training;

public static class TrainingModule
{
    /// <summary>The anonymous endpoints (certificate verification, calendar feeds): requests per minute and client address.</summary>
    public const string PublicRateLimitPolicy = Khcn.BuildingBlocks.Documents.PublicLinks.RateLimitPolicy;


    public static IServiceCollection AddTrainingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleInfrastructure<TrainingDbContext>(configuration, TrainingDbContext.SchemaName, typeof(TrainingModule).Assembly);
        // The KH,CN&ĐMST search (ADR 0014).
        services.AddSingleton<Khcn.BuildingBlocks.Persistence.ISearchProjection, Integrations.CampaignSearchProjection>();
        services.AddSingleton<Khcn.BuildingBlocks.Persistence.ISearchProjection, Integrations.CourseSearchProjection>();
        services.AddScoped<Khcn.BuildingBlocks.Contracts.ISearchDocumentSource, Integrations.TrainingSearchSource>();
        services.AddScoped<Khcn.BuildingBlocks.Contracts.IPartnerAgencyDirectory, Integrations.PartnerAgencyDirectory>();
        services.AddScoped<TrainingAccess>();
        Khcn.BuildingBlocks.Documents.PublicLinks.AddPublicLinks(services, configuration);
        services.AddSingleton<CalendarFeedKey>();
        services.AddScoped<CalendarTokens>();
        services.AddScoped<CalendarFeedLinks>();
        services.AddScoped<Access.CampaignVisibility>();
        services.AddScoped<Integrations.ReportFigures>();
        services.AddDataChangeStamp<TrainingDbContext>(TrainingDbContext.DataStamp);
        services.AddScoped<Khcn.Organization.Contracts.IIndicatorDataStamp, Integrations.IndicatorDataStamp>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorRecords, Integrations.TrainingIndicatorRecords>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.CampaignsHeldSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.PeopleReachedSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.WomenReachedSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource, Integrations.CoursesHeldSource>();
        services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource>(sp => new Integrations.OfficialsTrainedSource(
            sp.GetRequiredService<Integrations.ReportFigures>(), null));
        foreach (var subject in Enum.GetValues<Domain.CourseSubject>())
            services.AddScoped<Khcn.Organization.Contracts.IReportIndicatorSource>(sp => new Integrations.OfficialsTrainedSource(
                sp.GetRequiredService<Integrations.ReportFigures>(), subject));
        return services;
    }
}
