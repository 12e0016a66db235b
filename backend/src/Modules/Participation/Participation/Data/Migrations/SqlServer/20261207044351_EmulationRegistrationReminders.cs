using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EmulationRegistrationReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "emulation_registration_reminders",
                schema: "participation",
                columns: table => new
                {
                    MovementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Phase = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_registration_reminders", x => new { x.MovementId, x.Year, x.UnitId, x.Phase });
                    table.ForeignKey(
                        name: "FK_emulation_registration_reminders_emulation_movements_MovementId",
                        column: x => x.MovementId,
                        principalSchema: "participation",
                        principalTable: "emulation_movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emulation_registration_reminders",
                schema: "participation");
        }
    }
}
