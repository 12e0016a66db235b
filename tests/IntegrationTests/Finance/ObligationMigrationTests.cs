using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// The obligation's record used to be a column named InitiativeId that the topic-funding and commendation-prize
/// consumers filled with topic and proposal ids: the migration to (SourceKind, RecordId) tells their rows apart.
/// </summary>
public sealed class ObligationMigrationTests
{
    [Fact]
    public async Task Given_obligations_recorded_before_the_kind_When_migrating_Then_topics_and_commendations_get_their_kind_and_keep_their_record_id()
    {
        var dir = Path.Combine(Path.GetTempPath(), "khcn-tests", Guid.NewGuid().ToString("N"));
        var builder = new DbContextOptionsBuilder<FinanceDbContext>();
        PersistenceRegistration.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDir = dir }, FinanceDbContext.SchemaName);
        var access = new AccessContext();
        access.UseSystem();
        try
        {
            await using var db = new FinanceDbContext(builder.Options, access);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("BudgetsAllocationsLedger", TestContext.Current.CancellationToken);
            var (initiative, topic, proposal) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            foreach (var (record, title, basis) in new[]
                     {
                         (initiative, "Khung căng sợi tự cân bằng", "Nghị định 13/2012/NĐ-CP"),
                         (topic, "Đề tài: Giảm tai nạn lao động", "Hợp đồng thực hiện đề tài số 01/HĐ ngày 01/02/2025 (Tài trợ: 1 đ)"),
                         (proposal, "Tiền thưởng khen thưởng: Bằng khen năm 2025 (2 đối tượng)", "Nghị định 152/2025/NĐ-CP"),
                     })
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO obligations (Id, UnitId, InitiativeId, Title, CertificateNumber, DecisionDate, LegalBasis, Total, RecordedAtUtc)
                    VALUES ({Guid.NewGuid()}, {Guid.NewGuid()}, {record}, {title}, '01', '2025-02-01', {basis}, '1.00', '2025-02-01 00:00:00')
                    """, TestContext.Current.CancellationToken);

            await migrator.MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);

            var kinds = await db.Obligations.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(o => o.RecordId, o => o.SourceKind, TestContext.Current.CancellationToken);
            kinds.ShouldBe(new Dictionary<Guid, ObligationSourceKind>
            {
                [initiative] = ObligationSourceKind.Initiative, [topic] = ObligationSourceKind.ResearchTopic, [proposal] = ObligationSourceKind.Commendation,
            }, ignoreOrder: true);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
