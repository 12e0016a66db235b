using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitiativeListPageIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_initiatives_UnitId_CreatedAtUtc_Id",
                schema: "participation",
                table: "initiatives",
                columns: new[] { "UnitId", "CreatedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_initiatives_UnitId_CreatedAtUtc_Id",
                schema: "participation",
                table: "initiatives");
        }
    }
}
