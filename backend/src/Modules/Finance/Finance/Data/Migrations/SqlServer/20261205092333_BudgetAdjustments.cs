using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Finance.Data.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 1); // budgets approved before adjustments existed are their version 1

            migrationBuilder.CreateTable(
                name: "budget_adjustments",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BudgetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RejectionReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AdjustmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PreviousAmount = table.Column<decimal>(type: "decimal(18,0)", precision: 18, scale: 0, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,0)", precision: 18, scale: 0, nullable: false)
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
