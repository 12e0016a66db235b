using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitiativeFigureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Status_DecisionDate_UnitId_YearlyBenefit",
                schema: "participation",
                table: "initiatives",
                columns: new[] { "Status", "DecisionDate", "UnitId", "YearlyBenefit" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_SubmittedAtUtc_Status_UnitId",
                schema: "participation",
                table: "initiatives",
                columns: new[] { "SubmittedAtUtc", "Status", "UnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_initiatives_Status_DecisionDate_UnitId_YearlyBenefit",
                schema: "participation",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_SubmittedAtUtc_Status_UnitId",
                schema: "participation",
                table: "initiatives");
        }
    }
}
