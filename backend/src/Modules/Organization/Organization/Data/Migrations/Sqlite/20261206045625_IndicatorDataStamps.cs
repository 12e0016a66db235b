using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Organization.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorDataStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                schema: "organization",
                table: "change_stamps",
                columns: new[] { "Name", "Value" },
                values: new object[] { "organization.data", new Guid("00000000-0000-0000-0000-000000000000") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                schema: "organization",
                table: "change_stamps",
                keyColumn: "Name",
                keyValue: "organization.data");
        }
    }
}
