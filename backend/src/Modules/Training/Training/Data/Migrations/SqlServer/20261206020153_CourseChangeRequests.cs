using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Training.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CourseChangeRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChangesRequested",
                schema: "training",
                table: "courses",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangesRequestedAtUtc",
                schema: "training",
                table: "courses",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangesRequestedBy",
                schema: "training",
                table: "courses",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangesRequested",
                schema: "training",
                table: "courses");

            migrationBuilder.DropColumn(
                name: "ChangesRequestedAtUtc",
                schema: "training",
                table: "courses");

            migrationBuilder.DropColumn(
                name: "ChangesRequestedBy",
                schema: "training",
                table: "courses");
        }
    }
}
