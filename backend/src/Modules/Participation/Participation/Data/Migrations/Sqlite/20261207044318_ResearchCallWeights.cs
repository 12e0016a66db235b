using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResearchCallWeights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Calls published before the weights were configurable judged with the rule set DT-2024.1's: .30/.25/.25/.20.
            migrationBuilder.AddColumn<decimal>(
                name: "WeightApplicability",
                schema: "participation",
                table: "research_calls",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 0.25m);

            migrationBuilder.AddColumn<decimal>(
                name: "WeightExpectedEfficiency",
                schema: "participation",
                table: "research_calls",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 0.25m);

            migrationBuilder.AddColumn<decimal>(
                name: "WeightFeasibility",
                schema: "participation",
                table: "research_calls",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 0.20m);

            migrationBuilder.AddColumn<decimal>(
                name: "WeightPracticalSignificance",
                schema: "participation",
                table: "research_calls",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 0.30m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WeightApplicability",
                schema: "participation",
                table: "research_calls");

            migrationBuilder.DropColumn(
                name: "WeightExpectedEfficiency",
                schema: "participation",
                table: "research_calls");

            migrationBuilder.DropColumn(
                name: "WeightFeasibility",
                schema: "participation",
                table: "research_calls");

            migrationBuilder.DropColumn(
                name: "WeightPracticalSignificance",
                schema: "participation",
                table: "research_calls");
        }
    }
}
