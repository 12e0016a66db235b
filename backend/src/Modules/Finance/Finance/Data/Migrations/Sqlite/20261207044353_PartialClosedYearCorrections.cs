using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Finance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialClosedYearCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_closed_year_corrections_OriginalTransactionId",
                schema: "finance",
                table: "closed_year_corrections");

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                schema: "finance",
                table: "closed_year_corrections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_closed_year_corrections_OriginalTransactionId_Sequence",
                schema: "finance",
                table: "closed_year_corrections",
                columns: new[] { "OriginalTransactionId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_closed_year_corrections_OriginalTransactionId_Sequence",
                schema: "finance",
                table: "closed_year_corrections");

            migrationBuilder.DropColumn(
                name: "Sequence",
                schema: "finance",
                table: "closed_year_corrections");

            migrationBuilder.CreateIndex(
                name: "IX_closed_year_corrections_OriginalTransactionId",
                schema: "finance",
                table: "closed_year_corrections",
                column: "OriginalTransactionId",
                unique: true);
        }
    }
}
