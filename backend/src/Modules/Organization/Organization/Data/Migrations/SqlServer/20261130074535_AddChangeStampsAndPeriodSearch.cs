using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Organization.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddChangeStampsAndPeriodSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Path",
                schema: "organization",
                table: "units",
                type: "nvarchar(900)",
                maxLength: 900,
                nullable: false,
                collation: "Latin1_General_BIN2",
                oldClrType: typeof(string),
                oldType: "nvarchar(900)",
                oldMaxLength: 900);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                schema: "organization",
                table: "report_periods",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "change_stamps",
                schema: "organization",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Value = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_change_stamps", x => x.Name);
                });

            migrationBuilder.InsertData(
                schema: "organization",
                table: "change_stamps",
                columns: new[] { "Name", "Value" },
                values: new object[] { "organization.units", new Guid("00000000-0000-0000-0000-000000000000") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_stamps",
                schema: "organization");

            migrationBuilder.DropColumn(
                name: "SearchText",
                schema: "organization",
                table: "report_periods");

            migrationBuilder.AlterColumn<string>(
                name: "Path",
                schema: "organization",
                table: "units",
                type: "nvarchar(900)",
                maxLength: 900,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(900)",
                oldMaxLength: 900,
                oldCollation: "Latin1_General_BIN2");
        }
    }
}
