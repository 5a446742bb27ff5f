namespace AudioLab.Server.Tests.Infrastructure;

/// <summary>Names of the two databases every functional test runs against (theory data).</summary>
public static class Db
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}
