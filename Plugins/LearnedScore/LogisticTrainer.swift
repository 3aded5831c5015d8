/// Fits a ``LogisticModel`` with AdaGrad, deterministically for a seed.
///
/// Each epoch visits the examples in an order drawn from ``SeededGenerator``; every update touches only the
/// buckets of one example (lazy L2), so an epoch costs time proportional to the number of non-zero features.
public struct LogisticTrainer: Sendable {
    /// The optimiser settings.
    public let options: TrainingOptions

    /// Creates a trainer.
    public init(options: TrainingOptions) {
        self.options = options
    }

    /// Fits a model over `buckets` buckets.
    ///
    /// - Parameters:
    ///   - vectors: feature vectors.
    ///   - labels: `true` for fraudulent, one per vector.
    ///   - buckets: the hash bucket count.
    public func fit(_ vectors: [SparseVector], labels: [Bool], buckets: Int) -> LogisticModel {
        var weights = [Float](repeating: 0, count: buckets)
        var squares = [Float](repeating: 0, count: buckets)
        var bias: Double = 0
        var biasSquares: Double = 0
        var generator = SeededGenerator(seed: options.seed)
        var order = Array(vectors.indices)
        let rate = Float(options.learningRate)
        let l2 = Float(options.l2)
        weights.withUnsafeMutableBufferPointer { w in
            squares.withUnsafeMutableBufferPointer { s in
                for _ in 0..<max(0, options.epochs) {
                    generator.shuffle(&order)
                    for example in order {
                        let vector = vectors[example]
                        let label = labels[example]
                        var margin = bias
                        for (index, value) in zip(vector.indices, vector.values) { margin += Double(w[Int(index)] * value) }
                        let error = LogisticModel.sigmoid(margin) - (label ? 1 : 0)
                        let gradient = Float(error * (label ? options.positiveWeight : 1))
                        for (index, value) in zip(vector.indices, vector.values) {
                            let i = Int(index)
                            let g = gradient * value + l2 * w[i]
                            s[i] += g * g
                            w[i] -= rate * g / (s[i].squareRoot() + 1e-6)
                        }
                        let g = Double(gradient)
                        biasSquares += g * g
                        bias -= options.learningRate * g / (biasSquares.squareRoot() + 1e-6)
                    }
                }
            }
        }
        return LogisticModel(weights: weights, bias: Float(bias))
    }
}
