namespace AudioLab.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
