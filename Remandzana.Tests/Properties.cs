// Test classes run two at a time: most of a class's time is spent waiting on streams, browsers and
// child processes. Classes that start clusters of instances or load the machine run alone.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
