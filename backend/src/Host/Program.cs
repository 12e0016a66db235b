using Khcn.Finance;
using Khcn.Host.OpenApi;
using Khcn.Host.Setup;
using Khcn.Organization;
using Khcn.Participation;
using Khcn.Platform;
using Khcn.Training;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformServices();
builder.Services
    .AddPlatformModule(builder.Configuration)
    .AddOrganizationModule(builder.Configuration)
    .AddTrainingModule(builder.Configuration)
    .AddParticipationModule(builder.Configuration)
    .AddFinanceModule(builder.Configuration);

var app = builder.Build();
if (ApiDocumentation.ExportPathFrom(args) is { } openApiOut)
{
    // `make openapi`: write the document the running app serves, then exit before touching any database.
    app.UsePlatformPipeline();
    await app.WriteApiDocumentAsync(openApiOut);
    return;
}
await app.PrepareDatabasesAsync();
if (args.Contains("--seed-only"))
{
    // `make seed-scale`: migrate and seed (Seed:* settings), then exit without serving.
    return;
}
app.UsePlatformPipeline();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
