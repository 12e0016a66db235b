using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Platform.Data.Migrations.Sqlite
{
    /// <summary>
    /// Issue #15 §2: what the search statement filters and counts on (kind, unit, reach, partner agency) in a narrow
    /// table beside the FTS5 table, one row per document that is not removed, keyed by the same Id and kept by triggers
    /// like <c>search_fts</c>. A search joins these ~50-byte rows instead of the wide <c>search_documents</c> rows
    /// (titles, bodies, folded texts, attachments' text: ~19 MB at the scale dataset, beyond SQLite's page cache) for
    /// every match, and joins <c>search_documents</c> only for the page's rows. UNINDEXED columns of the FTS5 table
    /// were measured slower still (FTS5 reads them with one statement per row). Backfilled here for an existing index.
    /// </summary>
    public partial class SearchFilterRowsBesideFts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE search_filters (
                    Id INTEGER NOT NULL PRIMARY KEY,
                    Kind TEXT NOT NULL,
                    UnitId TEXT NOT NULL,
                    Reach INTEGER NOT NULL,
                    AgencyId TEXT NULL
                );
                INSERT INTO search_filters (Id, Kind, UnitId, Reach, AgencyId)
                    SELECT Id, Kind, UnitId, Reach, AgencyId FROM search_documents WHERE Removed = 0;
                CREATE TRIGGER search_filters_ai AFTER INSERT ON search_documents WHEN new.Removed = 0 BEGIN
                    INSERT INTO search_filters (Id, Kind, UnitId, Reach, AgencyId) VALUES (new.Id, new.Kind, new.UnitId, new.Reach, new.AgencyId);
                END;
                CREATE TRIGGER search_filters_ad AFTER DELETE ON search_documents BEGIN
                    DELETE FROM search_filters WHERE Id = old.Id;
                END;
                CREATE TRIGGER search_filters_au AFTER UPDATE OF Kind, UnitId, Reach, AgencyId, Removed ON search_documents BEGIN
                    DELETE FROM search_filters WHERE Id = old.Id;
                    INSERT INTO search_filters (Id, Kind, UnitId, Reach, AgencyId)
                        SELECT new.Id, new.Kind, new.UnitId, new.Reach, new.AgencyId WHERE new.Removed = 0;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS search_filters_ai;
                DROP TRIGGER IF EXISTS search_filters_ad;
                DROP TRIGGER IF EXISTS search_filters_au;
                DROP TABLE IF EXISTS search_filters;
                """);
        }
    }
}
