using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_documents",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reach = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FoldedTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FoldedText = table.Column<string>(type: "TEXT", maxLength: 4501, nullable: false),
                    AsOfUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_documents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_Kind_RecordId",
                schema: "platform",
                table: "search_documents",
                columns: new[] { "Kind", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_RecordId",
                schema: "platform",
                table: "search_documents",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_search_documents_UnitId",
                schema: "platform",
                table: "search_documents",
                column: "UnitId");

            // The full-text part (ADR 0014): an FTS5 table over the folded title and text, keyed by the row's Id and
            // kept by triggers, so every write of the index (events, rebuild) reaches it in the same transaction.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE search_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
                    INSERT INTO search_fts(rowid, title, text) VALUES (new.Id, new.FoldedTitle, new.FoldedText);
                END;
                CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
                    DELETE FROM search_fts WHERE rowid = old.Id;
                END;
                CREATE TRIGGER search_documents_au AFTER UPDATE OF FoldedTitle, FoldedText ON search_documents BEGIN
                    DELETE FROM search_fts WHERE rowid = old.Id;
                    INSERT INTO search_fts(rowid, title, text) VALUES (new.Id, new.FoldedTitle, new.FoldedText);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS search_documents_ai;
                DROP TRIGGER IF EXISTS search_documents_ad;
                DROP TRIGGER IF EXISTS search_documents_au;
                DROP TABLE IF EXISTS search_fts;
                """);
            migrationBuilder.DropTable(
                name: "search_documents",
                schema: "platform");
        }
    }
}
