using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IndicatorDataStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "change_stamps",
                schema: "participation",
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
                schema: "participation",
                table: "change_stamps",
                columns: new[] { "Name", "Value" },
                values: new object[] { "participation.data", new Guid("00000000-0000-0000-0000-000000000000") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_stamps",
                schema: "participation");
        }
    }
}
