using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AudioLab.Data;

/// <summary>Names tables, columns, keys and indexes in snake_case (the plan's table names), the same on every provider.</summary>
internal static class SnakeCaseNames
{
    public static void Apply(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            entity.SetTableName(Pluralize(ToSnakeCase(entity.ClrType.Name)));
            foreach (var property in entity.GetProperties())
                property.SetColumnName(ToSnakeCase(property.Name));
        }
        // Constraint names derive from table and column names, so they come second.
        foreach (var entity in model.GetEntityTypes())
        {
            foreach (var key in entity.GetKeys())
                key.SetName(key.GetDefaultName() is { } k ? ToSnakeCase(k) : null);
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName(fk.GetDefaultName() is { } f ? ToSnakeCase(f) : null);
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName(index.GetDefaultDatabaseName() is { } i ? ToSnakeCase(i) : null);
        }
    }

    private static string Pluralize(string name) => name.EndsWith('s') ? name : name + "s";

    /// <summary>"AudioFileId" -> "audio_file_id", "PK_Projects" -> "pk_projects".</summary>
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var prevLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextLower = i > 0 && i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1]);
                if ((prevLowerOrDigit || nextLower) && sb.Length > 0 && sb[^1] != '_') sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
