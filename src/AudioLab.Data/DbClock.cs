namespace AudioLab.Data;

/// <summary>
/// The time stamps written to the database: UTC, truncated to whole microseconds (what PostgreSQL keeps),
/// so an entity shows the same time stamp right after creation as after any later read.
/// </summary>
public static class DbClock
{
    public static DateTime UtcNow
    {
        get
        {
            var now = DateTime.UtcNow;
            return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
        }
    }
}
