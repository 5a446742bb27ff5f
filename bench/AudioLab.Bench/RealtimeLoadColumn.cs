using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AudioLab.Bench;

/// <summary>Mean time per block as a share of the block's real-time period at 48 kHz: the CPU share of one core.</summary>
public sealed class RealtimeLoadColumn : IColumn
{
    public string Id => nameof(RealtimeLoadColumn);
    public string ColumnName => "% of 1 core";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Mean time per block / block duration at 48 kHz";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null) return "-";
        var frames = (int)benchmarkCase.Parameters["Frames"];
        var periodNs = frames / 48000.0 * 1e9;
        return (100 * report.ResultStatistics.Mean / periodNs).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
