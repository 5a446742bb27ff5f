using AudioLab.Server.Tests.Infrastructure;

// Tests share one app per database and assert on global row counts and data-folder contents, so they run
// one at a time (xunit.runner.json turns collection parallelism off).
[assembly: AssemblyFixture(typeof(DatabaseFixtures))]
