import Foundation

// rightsdesk-bench SUITE [options]: release-build benchmarks whose results go into docs/benchmarks.md.
//   swift run -c release rightsdesk-bench store    [--cases N,M] [--intake K] [--dir PATH]
//   swift run -c release rightsdesk-bench patterns [--mb N] [--threads N] [--rules 25,100,200,400]
//   swift run -c release rightsdesk-bench scan     [--mb N] [--rules DIR] [--orfd PATH] [--level N] [--engine E] [--literals | --profile]
let usage = """
    usage: rightsdesk-bench store [--cases N,M] [--intake K] [--dir PATH]
           rightsdesk-bench patterns [--mb N] [--threads N] [--rules 25,100,200,400]
           rightsdesk-bench scan [--mb N] [--rules DIR] [--orfd PATH] [--level N] [--engine E] [--literals | --profile]
           rightsdesk-bench model [--data PATH] [--label FIELD] [--map M] [--rules DIR] [--folds N] [--speed-only]
           rightsdesk-bench entities [--cases N,M] [--dir PATH] [--repeat R] [--rules DIR]

    """
let arguments = Array(CommandLine.arguments.dropFirst())
let rest = Array(arguments.dropFirst())
do {
    switch arguments.first {
    case "store": try StoreBenchmark.run(rest)
    case "patterns": try PatternBenchmark.run(rest)
    case "scan": try ScanBenchmark.run(rest)
    case "model": try ModelBenchmark.run(rest)
    case "external": try ExternalBenchmark.run(rest)
    case "entities": try EntityBenchmark.run(rest)
    case "entities-extract": try EntityExtractBenchmark.run(rest)
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("rightsdesk-bench: \(error)\n".utf8))
    exit(1)
}
