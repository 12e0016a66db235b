using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Platform.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchIndexChangeStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                schema: "platform",
                table: "change_stamps",
                columns: new[] { "Name", "Value" },
                values: new object[] { "platform.search", new Guid("00000000-0000-0000-0000-000000000000") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                schema: "platform",
                table: "change_stamps",
                keyColumn: "Name",
                keyValue: "platform.search");
        }
    }
}
