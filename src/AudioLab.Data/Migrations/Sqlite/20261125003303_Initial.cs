using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AudioLab.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audio_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    original_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    channels = table.Column<int>(type: "INTEGER", nullable: false),
                    sample_rate = table.Column<int>(type: "INTEGER", nullable: false),
                    length_frames = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audio_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    sample_rate = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 48000),
                    bit_depth = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 24),
                    tempo = table.Column<double>(type: "REAL", nullable: false, defaultValue: 120.0),
                    time_signature = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false, defaultValue: "4/4"),
                    master_effects = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]"),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "loop_regions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false, defaultValue: "Loop Region"),
                    start_frame = table.Column<long>(type: "INTEGER", nullable: false),
                    end_frame = table.Column<long>(type: "INTEGER", nullable: false),
                    is_enabled = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: true),
                    repeat_count = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loop_regions", x => x.id);
                    table.ForeignKey(
                        name: "fk_loop_regions_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tracks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    index = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    volume_db = table.Column<double>(type: "REAL", nullable: false),
                    pan = table.Column<double>(type: "REAL", nullable: false),
                    mute = table.Column<bool>(type: "INTEGER", nullable: false),
                    solo = table.Column<bool>(type: "INTEGER", nullable: false),
                    record_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    input_device_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    input_channels = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    monitoring_enabled = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: true),
                    monitor_mode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false, defaultValue: "auto"),
                    color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    effects = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tracks", x => x.id);
                    table.ForeignKey(
                        name: "fk_tracks_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clips",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    track_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    audio_file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    start_frame = table.Column<long>(type: "INTEGER", nullable: false),
                    source_offset_frames = table.Column<long>(type: "INTEGER", nullable: false),
                    length_frames = table.Column<long>(type: "INTEGER", nullable: false),
                    gain_db = table.Column<double>(type: "REAL", nullable: false),
                    fade_in_frames = table.Column<long>(type: "INTEGER", nullable: false),
                    fade_out_frames = table.Column<long>(type: "INTEGER", nullable: false),
                    input_latency_frames = table.Column<long>(type: "INTEGER", nullable: true),
                    output_latency_frames = table.Column<long>(type: "INTEGER", nullable: true),
                    calibration_frames = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clips", x => x.id);
                    table.ForeignKey(
                        name: "fk_clips_audio_files_audio_file_id",
                        column: x => x.audio_file_id,
                        principalTable: "audio_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_clips_tracks_track_id",
                        column: x => x.track_id,
                        principalTable: "tracks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recording_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    track_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    input_device_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    start_frame = table.Column<long>(type: "INTEGER", nullable: false),
                    duration_frames = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false, defaultValue: "recording"),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recording_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_recording_sessions_tracks_track_id",
                        column: x => x.track_id,
                        principalTable: "tracks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audio_files_path",
                table: "audio_files",
                column: "path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_clips_audio_file_id",
                table: "clips",
                column: "audio_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_clips_track_id_start_frame",
                table: "clips",
                columns: new[] { "track_id", "start_frame" });

            migrationBuilder.CreateIndex(
                name: "ix_loop_regions_project_id",
                table: "loop_regions",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_recording_sessions_track_id",
                table: "recording_sessions",
                column: "track_id");

            migrationBuilder.CreateIndex(
                name: "ix_tracks_project_id_index",
                table: "tracks",
                columns: new[] { "project_id", "index" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clips");

            migrationBuilder.DropTable(
                name: "loop_regions");

            migrationBuilder.DropTable(
                name: "recording_sessions");

            migrationBuilder.DropTable(
                name: "audio_files");

            migrationBuilder.DropTable(
                name: "tracks");

            migrationBuilder.DropTable(
                name: "projects");
        }
    }
}
