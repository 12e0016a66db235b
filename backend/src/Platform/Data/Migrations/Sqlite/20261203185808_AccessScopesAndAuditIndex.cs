using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessScopesAndAuditIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_UnitId",
                schema: "platform",
                table: "audit_entries",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_UnitId",
                schema: "platform",
                table: "audit_entries");
        }
    }
}
