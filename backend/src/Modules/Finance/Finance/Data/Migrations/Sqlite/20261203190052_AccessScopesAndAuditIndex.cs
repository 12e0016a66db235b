using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Finance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessScopesAndAuditIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_scopes",
                schema: "finance",
                columns: table => new
                {
                    ScopeKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_scopes", x => new { x.ScopeKey, x.UnitId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_UnitId",
                schema: "finance",
                table: "audit_entries",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_scopes",
                schema: "finance");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_UnitId",
                schema: "finance",
                table: "audit_entries");
        }
    }
}
