using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Platform.Data.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reach = table.Column<int>(type: "int", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Link = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    FoldedTitle = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    FoldedText = table.Column<string>(type: "nvarchar(max)", maxLength: 4501, nullable: false),
                    AsOfUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Removed = table.Column<bool>(type: "bit", nullable: false)
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

            // The full-text part (ADR 0014), only where SQL Server has full-text search installed (not every edition or
            // container image does: the search then falls back to LIKE over the folded text). A full-text index cannot
            // be created inside a transaction. LANGUAGE 0 (neutral) and no stoplist: the folded Vietnamese text has
            // no word breaker of its own, and its short words ("an", "co") must stay findable.
            migrationBuilder.Sql("""
                IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'khcn_search')
                        EXEC('CREATE FULLTEXT CATALOG khcn_search');
                    IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('platform.search_documents'))
                        EXEC('CREATE FULLTEXT INDEX ON platform.search_documents (FoldedTitle LANGUAGE 0, FoldedText LANGUAGE 0)
                              KEY INDEX PK_search_documents ON khcn_search WITH CHANGE_TRACKING AUTO, STOPLIST = OFF');
                END
                """, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('platform.search_documents'))
                    DROP FULLTEXT INDEX ON platform.search_documents;
                """, suppressTransaction: true);
            migrationBuilder.DropTable(
                name: "search_documents",
                schema: "platform");
        }
    }
}
