using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Organization.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportPeriodSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                schema: "organization",
                table: "report_periods",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                schema: "organization",
                table: "report_periods");
        }
    }
}
