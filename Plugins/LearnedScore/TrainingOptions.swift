/// Settings of the optimiser: AdaGrad on the logistic loss with L2, examples shuffled by a seeded generator.
public struct TrainingOptions: Sendable, Hashable, Codable {
    /// Passes over the training set.
    public var epochs: Int
    /// AdaGrad base step size.
    public var learningRate: Double
    /// L2 penalty per weight (applied to the weights an example touches).
    public var l2: Double
    /// Loss weight of a fraudulent example relative to an honest one (1 = unweighted, keeps calibration).
    public var positiveWeight: Double
    /// Seed of the shuffle; one seed always gives the same model.
    public var seed: UInt64

    /// Creates options.
    public init(epochs: Int = 10, learningRate: Double = 0.2, l2: Double = 1e-5, positiveWeight: Double = 1, seed: UInt64 = 1) {
        self.epochs = epochs
        self.learningRate = learningRate
        self.l2 = l2
        self.positiveWeight = positiveWeight
        self.seed = seed
    }
}
