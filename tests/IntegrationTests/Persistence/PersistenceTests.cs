using Khcn.BuildingBlocks.Persistence;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Persistence;

public sealed class MigrationsTests
{
    public static TheoryData<string, DatabaseProvider> Contexts()
    {
        var data = new TheoryData<string, DatabaseProvider>();
        foreach (var module in new[] { "Platform", "Organization", "Training", "Participation", "Finance" })
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
            data.Add(module, provider);
        return data;
    }

    private static DbContext Create(string module, DatabaseProvider provider) => module switch
    {
        "Platform" => new Khcn.Platform.Data.PlatformDesignTimeFactory().CreateFor(provider),
        "Organization" => new OrganizationDesignTimeFactory().CreateFor(provider),
        "Training" => new Khcn.Training.Data.TrainingDesignTimeFactory().CreateFor(provider),
        "Participation" => new Khcn.Participation.Data.ParticipationDesignTimeFactory().CreateFor(provider),
        "Finance" => new Khcn.Finance.Data.FinanceDesignTimeFactory().CreateFor(provider),
        _ => throw new ArgumentOutOfRangeException(nameof(module)),
    };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Given_the_model_When_compared_with_the_migrations_Then_nothing_is_left_uncaptured(string module, DatabaseProvider provider)
    {
        using var db = Create(module, provider);
        db.Database.GetMigrations().ShouldNotBeEmpty($"{module} has no {provider} migrations");
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"{module} ({provider}) has model changes no migration captures: run backend/scripts/add-migration.sh <Name> {module}");
    }
}

public sealed class SqliteDurabilityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_the_embedded_default_Then_each_module_has_its_own_file_in_WAL_mode_with_full_sync()
    {
        if (TestEngine.Name != "Sqlite") return;
        foreach (var schema in new[] { "platform", "organization", "training", "participation", "finance" })
            File.Exists(Path.Combine(api.DataDir, schema + ".db")).ShouldBeTrue($"{schema}.db");

        var (journal, sync) = await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            var j = (string)(await cmd.ExecuteScalarAsync())!;
            cmd.CommandText = "PRAGMA synchronous";
            var s = Convert.ToInt32(await cmd.ExecuteScalarAsync());
            return (j, s);
        });
        journal.ShouldBe("wal");
        sync.ShouldBe(2, "synchronous=FULL");
    }
}
