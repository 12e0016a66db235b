using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Organization.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanIndicatorSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                schema: "organization",
                table: "plan_indicators",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Source",
                schema: "organization",
                table: "plan_indicators");
        }
    }
}
