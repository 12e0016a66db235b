using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccessScopesAndAuditIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_scopes",
                schema: "participation",
                columns: table => new
                {
                    ScopeKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_scopes", x => new { x.ScopeKey, x.UnitId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_UnitId",
                schema: "participation",
                table: "audit_entries",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_scopes",
                schema: "participation");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_UnitId",
                schema: "participation",
                table: "audit_entries");
        }
    }
}
