using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Microsoft.EntityFrameworkCore;

namespace Khcn.IntegrationTests.Persistence;

/// <summary>
/// The scope filter's SQL on both engines, rendered without a database (the SQL Server provider is configured but
/// never connects): the same statement for a subtree of 3 units and of 20,000 (SQL Server accepts 2,100 parameters),
/// no list of unit ids in it, and no filter at all for an unrestricted caller.
/// </summary>
public sealed class ScopeFilterSqlTests
{
    private static OrganizationDbContext Context(DatabaseProvider provider, AccessContext access)
    {
        var db = new DatabaseOptions
        {
            Provider = provider,
            DataDir = Path.Combine(Path.GetTempPath(), "khcn-sql-render"),
            SqlServer = "Server=nowhere;Database=none;TrustServerCertificate=True",
        };
        var builder = new DbContextOptionsBuilder<OrganizationDbContext>();
        PersistenceRegistration.Configure(builder, db, OrganizationDbContext.SchemaName);
        return new OrganizationDbContext(builder.Options, access);
    }

    private static AccessContext Officer(int units, out List<Guid> ids)
    {
        ids = Enumerable.Range(0, units).Select(_ => Guid.NewGuid()).ToList();
        var access = new AccessContext();
        access.SetUser(Guid.NewGuid(), "officer@test", "Officer",
            [(new Grant(Roles.UnitOfficer, ids[0]), new UnitSubtree(ids[0], false, ids.ToHashSet(), []))]);
        return access;
    }

    // The district page of the enterprise list: the scope filter on the enterprises and on their units.
    private static string PageSql(OrganizationDbContext db) =>
        db.Enterprises.AsNoTracking().OrderBy(e => e.Name).Take(20).Select(e => new { e.Id, e.Name, Unit = e.Unit!.Name }).ToQueryString();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Given_a_subtree_of_3_or_20000_units_Then_the_scoped_SQL_is_the_same_size_and_names_no_unit(DatabaseProvider provider)
    {
        using var small = Context(provider, Officer(3, out var smallIds));
        using var large = Context(provider, Officer(20_000, out var largeIds));

        var smallSql = PageSql(small);
        var largeSql = PageSql(large);

        largeSql.Length.ShouldBe(smallSql.Length, largeSql);
        largeSql.ShouldContain("access_scopes");
        foreach (var id in largeIds.Take(50).Concat(smallIds))
            largeSql.ShouldNotContain(id.ToString(), Case.Insensitive);
        smallSql.ShouldNotContain(smallIds[1].ToString(), Case.Insensitive);
        largeSql.ShouldNotContain("json_each");
        largeSql.ShouldNotContain("OPENJSON");
        // One parameter for the scope (its key), however many units it holds.
        (largeSql.Split('@').Length - 1).ShouldBeLessThan(12, largeSql);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Given_an_unrestricted_caller_Then_the_SQL_has_no_scope_condition(DatabaseProvider provider)
    {
        var access = new AccessContext();
        access.UseSystem();
        using var db = Context(provider, access);

        PageSql(db).ShouldNotContain("access_scopes");
    }

    // The flag "is the caller unrestricted?" must not reach the SQL as "@flag OR UnitId IN (…)": SQLite cannot use
    // an index under such an OR and scanned the whole table (a district's enterprise page at 0.13× its hand-written
    // twin, #17). The plan of a real district page on a migrated SQLite file must search by the unit index.
    [Fact]
    public async Task Given_a_district_officer_on_SQLite_Then_the_page_searches_the_unit_index_instead_of_scanning()
    {
        var dir = Path.Combine(Path.GetTempPath(), "khcn-plan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDir = dir };
        var builder = new DbContextOptionsBuilder<OrganizationDbContext>();
        PersistenceRegistration.Configure(builder, db, OrganizationDbContext.SchemaName);
        await using (var migrator = new OrganizationDbContext(builder.Options, SystemAccess()))
            await migrator.Database.MigrateAsync();

        await using var context = new OrganizationDbContext(builder.Options, Officer(3, out _));
        await using var command = context.Enterprises.AsNoTracking().OrderBy(e => e.Name).Take(20)
            .Select(e => new { e.Id, e.Name }).CreateDbCommand();
        command.CommandText.Contains(" OR ", StringComparison.Ordinal).ShouldBeFalse(command.CommandText);
        await context.Database.OpenConnectionAsync();
        command.Connection = context.Database.GetDbConnection();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        await context.Database.CloseConnectionAsync();

        var text = string.Join("\n", plan);
        text.Contains("IX_enterprises_UnitId", StringComparison.Ordinal).ShouldBeTrue(text);
        plan.ShouldNotContain(line => line.StartsWith("SCAN e", StringComparison.Ordinal), text);
    }

    // The district page of the enterprise list ran at 0.34 of its hand-written twin (#17): its projection read
    // e.Unit.Name, which joined the units through their own scope filter — a second access_scopes lookup for a scope
    // the enterprises' filter already holds. The page and its count now read the enterprises alone, scoped once.
    [Fact]
    public async Task Given_a_district_officer_When_listing_enterprises_Then_each_statement_looks_the_scope_up_once_and_joins_no_units()
    {
        var dir = Path.Combine(Path.GetTempPath(), "khcn-list-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDir = dir };
        var builder = new DbContextOptionsBuilder<OrganizationDbContext>();
        PersistenceRegistration.Configure(builder, db, OrganizationDbContext.SchemaName);
        await using (var migrator = new OrganizationDbContext(builder.Options, SystemAccess()))
            await migrator.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var sql = new SqlCapture();
        builder.AddInterceptors(sql);

        await using var context = new OrganizationDbContext(builder.Options, Officer(3, out _));
        var handler = new Khcn.Organization.Features.Labour.ListEnterprisesHandler(context, new UnitCatalogue(null!),
            new Khcn.Organization.Features.Labour.EnterprisePageCache());
        var query = new Khcn.Organization.Features.Labour.ListEnterprises { Page = 1, PageSize = 20 };
        await handler.Handle(query, TestContext.Current.CancellationToken);

        var statements = sql.Statements.Where(s => s.Contains("enterprises", StringComparison.Ordinal)).ToList();
        statements.Count.ShouldBe(1, string.Join("\n\n", sql.Statements)); // the count (an empty scope: no ids, no rows to read)
        foreach (var statement in statements)
        {
            CountOf(statement, "access_scopes").ShouldBe(1, statement);
            statement.ShouldNotContain("\"units\"", Case.Sensitive, statement);
        }
        // Read again under the same data stamp: the count and the ids are kept, no statement reads the enterprises (#17).
        await handler.Handle(query, TestContext.Current.CancellationToken);
        sql.Statements.Count(s => s.Contains("enterprises", StringComparison.Ordinal)).ShouldBe(1, string.Join("\n\n", sql.Statements));
    }

    private static int CountOf(string text, string word) => text.Split(word).Length - 1;

    private sealed class SqlCapture : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public List<string> Statements { get; } = [];

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object>> ScalarExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private static AccessContext SystemAccess()
    {
        var access = new AccessContext();
        access.UseSystem();
        return access;
    }

    [Fact]
    public void Given_the_same_units_Then_the_same_key_and_other_units_another()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();
        AccessScopeKeys.Of([ids.ToHashSet()]).ShouldBe(AccessScopeKeys.Of([ids.AsEnumerable().Reverse().ToHashSet()]));
        AccessScopeKeys.Of([ids.ToHashSet()]).ShouldNotBe(AccessScopeKeys.Of([ids.Skip(1).ToHashSet()]));
        AccessScopeKeys.Of([]).ShouldBe(AccessScopeKeys.Of([new HashSet<Guid>()]));
    }
}
