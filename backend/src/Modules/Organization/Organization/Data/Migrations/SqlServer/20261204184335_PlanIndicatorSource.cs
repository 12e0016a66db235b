using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Organization.Data.Migrations.SqlServer
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
                type: "nvarchar(100)",
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
