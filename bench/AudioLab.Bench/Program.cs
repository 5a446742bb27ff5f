using AudioLab.Bench;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// `export ...` runs one timed mixdown (used by bench/run.sh); anything else goes to BenchmarkDotNet
// (`--quick` picks a short job for development runs).
if (args.Length > 0 && args[0] == "export") return ExportCommand.Run(args[1..]);

var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = DefaultConfig.Instance.AddColumn(new RealtimeLoadColumn());
if (quick) config = config.AddJob(Job.ShortRun.WithIterationCount(5).WithWarmupCount(2));
BenchmarkSwitcher.FromAssembly(typeof(GraphBlockBenchmark).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
return 0;
