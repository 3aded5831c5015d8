import CaseCore

extension CaseFacts {
    /// Checks facts as intake and `case update` accept them; the error names the fact.
    ///
    /// - Throws: `EngineError.invalidInput` for fewer than one worker, a negative amount, or an employment end
    ///   before its start.
    func validate() throws(EngineError) {
        if let workers = workersAffected, workers < 1 {
            throw .invalidInput(place: "facts.workersAffected", message: "必须 ≥ 1 / must be at least 1")
        }
        if let amount = amountClaimed, amount.value < 0 {
            throw .invalidInput(place: "facts.amountClaimed", message: "不能为负数 / must not be negative")
        }
        if let start = employmentStart, let end = employmentEnd, end < start {
            throw .invalidInput(place: "facts.employmentEnd", message: "早于入职日期 / is before employmentStart")
        }
    }

    /// These facts with `update`'s set facts applied and its cleared facts removed.
    func applying(_ update: CaseUpdate) -> CaseFacts {
        var facts = self
        let set = update.setFacts
        for key in update.clearFacts { facts.clear(key) }
        if let value = set.employmentStart { facts.employmentStart = value }
        if let value = set.employmentEnd { facts.employmentEnd = value }
        if let value = set.learnedOfInfringement { facts.learnedOfInfringement = value }
        if let value = set.amountClaimed { facts.amountClaimed = value }
        if let value = set.workersAffected { facts.workersAffected = value }
        if let value = set.hasWrittenContract { facts.hasWrittenContract = value }
        if let value = set.workerCategory { facts.workerCategory = value }
        return facts
    }

    /// Names of the facts that differ between `self` and `other`, as `facts.NAME`.
    func changedKeys(comparedTo other: CaseFacts) -> [String] {
        var keys: [String] = []
        if employmentStart != other.employmentStart { keys.append("employmentStart") }
        if employmentEnd != other.employmentEnd { keys.append("employmentEnd") }
        if learnedOfInfringement != other.learnedOfInfringement { keys.append("learnedOfInfringement") }
        if amountClaimed != other.amountClaimed { keys.append("amountClaimed") }
        if workersAffected != other.workersAffected { keys.append("workersAffected") }
        if hasWrittenContract != other.hasWrittenContract { keys.append("hasWrittenContract") }
        if workerCategory != other.workerCategory { keys.append("workerCategory") }
        return keys.map { "facts.\($0)" }
    }

    private mutating func clear(_ key: String) {
        switch key {
        case "employmentStart": employmentStart = nil
        case "employmentEnd": employmentEnd = nil
        case "learnedOfInfringement": learnedOfInfringement = nil
        case "amountClaimed": amountClaimed = nil
        case "workersAffected": workersAffected = nil
        case "hasWrittenContract": hasWrittenContract = nil
        case "workerCategory": workerCategory = nil
        default: break
        }
    }
}
