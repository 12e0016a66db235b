using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TopicCancellationAndClosing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                schema: "participation",
                table: "research_topics",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                schema: "participation",
                table: "research_topics",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                schema: "participation",
                table: "research_topics",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAtUtc",
                schema: "participation",
                table: "research_topics",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                schema: "participation",
                table: "research_topics",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosingNote",
                schema: "participation",
                table: "research_topics",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancellationReason",
                schema: "participation",
                table: "research_topics");

            migrationBuilder.DropColumn(
                name: "CancelledAtUtc",
                schema: "participation",
                table: "research_topics");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                schema: "participation",
                table: "research_topics");

            migrationBuilder.DropColumn(
                name: "ClosedAtUtc",
                schema: "participation",
                table: "research_topics");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                schema: "participation",
                table: "research_topics");

            migrationBuilder.DropColumn(
                name: "ClosingNote",
                schema: "participation",
                table: "research_topics");
        }
    }
}
