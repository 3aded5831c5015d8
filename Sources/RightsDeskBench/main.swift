import Foundation

// rightsdesk-bench SUITE [options]: release-build benchmarks whose results go into docs/benchmarks.md.
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "store":
        try StoreBenchmark.run(Array(arguments.dropFirst()))
    default:
        FileHandle.standardError.write(Data("usage: rightsdesk-bench store [--cases N,M] [--intake K] [--dir PATH]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("rightsdesk-bench: \(error)\n".utf8))
    exit(1)
}
