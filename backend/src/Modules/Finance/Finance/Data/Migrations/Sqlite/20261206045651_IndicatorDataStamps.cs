using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Finance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorDataStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "change_stamps",
                schema: "finance",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Value = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_change_stamps", x => x.Name);
                });

            migrationBuilder.InsertData(
                schema: "finance",
                table: "change_stamps",
                columns: new[] { "Name", "Value" },
                values: new object[] { "finance.data", new Guid("00000000-0000-0000-0000-000000000000") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_stamps",
                schema: "finance");
        }
    }
}
