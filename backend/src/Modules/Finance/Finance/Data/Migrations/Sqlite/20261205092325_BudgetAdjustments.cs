using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Finance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BudgetAdjustments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CurrentVersion",
                schema: "finance",
                table: "budgets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // budgets approved before adjustments existed are their version 1

            migrationBuilder.CreateTable(
                name: "budget_adjustments",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_adjustments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budget_adjustment_lines",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdjustmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_adjustment_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budget_adjustment_lines_budget_adjustments_AdjustmentId",
                        column: x => x.AdjustmentId,
                        principalSchema: "finance",
                        principalTable: "budget_adjustments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_budget_adjustment_lines_AdjustmentId_Purpose_SourceId",
                schema: "finance",
                table: "budget_adjustment_lines",
                columns: new[] { "AdjustmentId", "Purpose", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_budget_adjustments_BudgetId_Number",
                schema: "finance",
                table: "budget_adjustments",
                columns: new[] { "BudgetId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_adjustment_lines",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "budget_adjustments",
                schema: "finance");

            migrationBuilder.DropColumn(
                name: "CurrentVersion",
                schema: "finance",
                table: "budgets");
        }
    }
}
