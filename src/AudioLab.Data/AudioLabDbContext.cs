using AudioLab.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AudioLab.Data;

/// <summary>
/// The project database. Provider-neutral: <see cref="SqliteAudioLabDbContext"/> and
/// <see cref="PostgresAudioLabDbContext"/> derive from it only so each provider has its own migrations.
/// </summary>
public abstract class AudioLabDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<AudioFile> AudioFiles => Set<AudioFile>();
    public DbSet<Clip> Clips => Set<Clip>();
    public DbSet<RecordingSession> RecordingSessions => Set<RecordingSession>();
    public DbSet<LoopRegion> LoopRegions => Set<LoopRegion>();

    /// <summary>Which database engine this context talks to.</summary>
    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Project>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(255);
            e.Property(p => p.SampleRate).HasDefaultValue(48_000);
            e.Property(p => p.BitDepth).HasDefaultValue(24);
            e.Property(p => p.Tempo).HasDefaultValue(120.0);
            e.Property(p => p.TimeSignature).HasMaxLength(16).HasDefaultValue("4/4");
            e.Property(p => p.MasterEffects).HasDefaultValue("[]");
            e.HasMany(p => p.Tracks).WithOne(t => t.Project!).HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.LoopRegions).WithOne(l => l.Project!).HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Track>(e =>
        {
            e.HasIndex(t => new { t.ProjectId, t.Index }).IsUnique();
            e.Property(t => t.Name).HasMaxLength(255);
            e.Property(t => t.InputDeviceId).HasMaxLength(255);
            e.Property(t => t.InputChannels).HasMaxLength(64);
            e.Property(t => t.MonitoringEnabled).HasDefaultValue(true);
            e.Property(t => t.MonitorMode).HasMaxLength(8).HasDefaultValue("auto");
            e.Property(t => t.Color).HasMaxLength(7);
            e.Property(t => t.Effects).HasDefaultValue("[]");
            e.HasMany(t => t.Clips).WithOne(c => c.Track!).HasForeignKey(c => c.TrackId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AudioFile>(e =>
        {
            e.Property(a => a.Path).HasMaxLength(400);
            e.HasIndex(a => a.Path).IsUnique();
            e.Property(a => a.OriginalName).HasMaxLength(255);
            e.Property(a => a.Sha256).HasMaxLength(64);
        });

        modelBuilder.Entity<Clip>(e =>
        {
            e.HasIndex(c => new { c.TrackId, c.StartFrame });
            // Audio files outlive their clips (non-destructive editing); a file in use cannot be deleted.
            e.HasOne(c => c.AudioFile).WithMany().HasForeignKey(c => c.AudioFileId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<RecordingSession>(e =>
        {
            e.Property(r => r.InputDeviceId).HasMaxLength(255);
            e.Property(r => r.Status).HasMaxLength(20).HasDefaultValue("recording");
            e.HasOne(r => r.Track).WithMany().HasForeignKey(r => r.TrackId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LoopRegion>(e =>
        {
            e.Property(l => l.Name).HasMaxLength(255).HasDefaultValue("Loop Region");
            e.Property(l => l.IsEnabled).HasDefaultValue(true);
        });

        // Timestamps are always UTC; SQLite forgets the kind, so say it again on the way out.
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTime)))
                property.SetValueConverter(utc);
        }

        SnakeCaseNames.Apply(modelBuilder.Model);
    }
}
