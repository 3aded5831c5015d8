// rightsdesk-bench: benchmarks. `rightsdesk-bench patterns [--mb N] [--threads N] [--rules 25,100,200,400]`.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "patterns":
    do {
        try PatternBenchmark.run(Array(arguments.dropFirst()))
    } catch {
        print("error: \(error)")
    }
case "scan":
    do {
        try ScanBenchmark.run(Array(arguments.dropFirst()))
    } catch {
        print("error: \(error)")
    }
case "model":
    do {
        try ModelBenchmark.run(Array(arguments.dropFirst()))
    } catch {
        print("error: \(error)")
    }
default:
    print("usage: rightsdesk-bench model [--data PATH] [--label FIELD] [--map M] [--rules DIR] [--folds N] [--speed-only]")
    print("usage: rightsdesk-bench scan [--mb N] [--rules DIR] [--orfd PATH]")
    print("usage: rightsdesk-bench patterns [--mb N] [--threads N] [--rules 25,100,200,400]")
}
