using System.Data.Common;
using System.Reflection;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Initiatives;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khcn.IntegrationTests.Persistence;

/// <summary>
/// A page of a district officer's initiatives on a migrated SQLite file (issue #12): the list sorted the wide rows
/// themselves — every initiative in scope read, its texts too, to keep 20 (p95 5–6× the unit list's at 20,000
/// initiatives). Now the page's ids are sorted on the (unit, created, id) index alone and only those rows are read.
/// </summary>
public sealed class InitiativeListPlanTests
{
    [Fact]
    public async Task Given_a_district_officer_When_a_page_of_initiatives_is_read_Then_the_scope_is_sorted_on_a_covering_index_and_only_the_page_rows_are_looked_up()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Path.Combine(Path.GetTempPath(), "khcn-plan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDir = dir };
        var builder = new DbContextOptionsBuilder<ParticipationDbContext>();
        PersistenceRegistration.Configure(builder, options, ParticipationDbContext.SchemaName);
        var system = new AccessContext();
        system.UseSystem();
        await using (var migrator = new ParticipationDbContext(builder.Options, system))
            await migrator.Database.MigrateAsync(ct);
        var units = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        await using (var seeding = new ParticipationDbContext(builder.Options, system))
        {
            for (var n = 0; n < 3; n++)
                seeding.Initiatives.Add(Initiative.Draft(units[n], new InitiativeDetails($"Sáng kiến {n}", "Kỹ thuật", InitiativeKind.Technical,
                    "Vấn đề", "Hiện trạng", "Giải pháp", "Phân xưởng", new DateOnly(2026, 1, 1), false, 1_000_000m, null, null, true,
                    [new AuthorShare("Tác giả", null, null, 100m)]), new Actor(null, "Tác giả"), null));
            await seeding.SaveChangesAsync(ct);
        }
        var plans = new PlanCapture();
        builder.AddInterceptors(plans);
        var officer = new AccessContext();
        officer.SetUser(Guid.NewGuid(), "officer@test", "Officer",
            [(new Grant(Roles.UnitOfficer, units[0]), new UnitSubtree(units[0], false, units.ToHashSet(), []))]);
        await using var context = new ParticipationDbContext(builder.Options, officer);
        var handler = new ListInitiativesHandler(context, new ParticipationAccess(context), DispatchProxy.Create<IMediator, NoUnitNames>(), new InitiativePageCache());
        var result = await handler.Handle(new ListInitiatives { Page = 2, PageSize = 2 }, ct);
        result.Total.ShouldBe(3);
        result.Items.Count.ShouldBe(1);

        var all = string.Join("\n\n", plans.Plans.Select(p => p.Sql + "\n" + string.Join("\n", p.Plan)));
        // The page's ids in a statement of their own, searched and sorted on the index alone, LIMIT and OFFSET parameters…
        var ids = plans.Plans.Where(p => p.Sql.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        ids.Count.ShouldBe(1, all);
        ids[0].Sql.ShouldMatch(@"LIMIT @\w+ OFFSET @\w+", all);
        ids[0].Plan.ShouldContain(line => line.Contains("USING COVERING INDEX IX_initiatives_UnitId_CreatedAtUtc_Id", StringComparison.Ordinal), all);
        // …then the wide rows are reached by id only (the page's), never searched by unit nor scanned.
        var rows = plans.Plans.Where(p => p.Sql.Contains("\"Title\"", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(1, all);
        rows[0].Plan.ShouldContain(line => line.Contains("sqlite_autoindex_initiatives_1 (Id=?)", StringComparison.Ordinal), all);
        rows[0].Plan.Where(line => line.Contains(" i ", StringComparison.Ordinal) || line.EndsWith(" i", StringComparison.Ordinal))
            .ShouldAllBe(line => line.Contains("(Id=?)", StringComparison.Ordinal), all);
        plans.Plans.SelectMany(p => p.Plan).ShouldNotContain(line => line.StartsWith("SCAN i", StringComparison.Ordinal), all);
    }

    /// <summary>The units' names are Organization's (not in this database): none here.</summary>
    public class NoUnitNames : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            ValueTask.FromResult<IReadOnlyList<UnitSummary>>([]);
    }

    /// <summary>EXPLAIN QUERY PLAN of every statement on the initiatives, with its parameters, before it runs.</summary>
    private sealed class PlanCapture : DbCommandInterceptor
    {
        public List<(string Sql, List<string> Plan)> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"initiatives\"", StringComparison.Ordinal))
            {
                await using var explain = command.Connection!.CreateCommand();
                explain.Transaction = command.Transaction;
                explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
                foreach (SqliteParameter p in command.Parameters) explain.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value));
                var plan = new List<string>();
                await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
                    while (await reader.ReadAsync(cancellationToken)) plan.Add(reader.GetString(3));
                Plans.Add((command.CommandText, plan));
            }
            return result;
        }
    }
}
