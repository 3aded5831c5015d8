import Foundation
import RuleKit

/// Readable text for `model train` and `model eval` (English, for operators of the tool and for docs).
public enum ModelReportText {
    /// The report as a terminal table.
    public static func text(_ report: ModelReport) -> String {
        var lines = [
            "labelled postings: \(report.labelled) (fraudulent \(report.positives)); skipped without label: \(report.skipped)"
                + (report.unreadableLabels > 0 ? " (\(report.unreadableLabels) unreadable)" : "")
                + (report.malformed > 0 ? "; malformed records: \(report.malformed)" : ""),
            "method: \(report.method)",
            "bands: \(bands(report.bands))",
            "",
            "                      ≥ suspicious                      ≥ likelyFraud",
            "              precision recall    F1    FPR     precision recall    F1    FPR",
        ]
        for (name, levels) in [("rules alone", report.rules), ("model alone", report.model), ("combined", report.combined)] {
            lines.append(name.padding(toLength: 12, withPad: " ", startingAt: 0) + figures(levels.suspicious) + "   " + figures(levels.likelyFraud))
        }
        lines.append("postings the rules flagged that the combination did not: \(report.lostByCombination)")
        if report.evaluatedOnTrainingData { lines.append(trainingDataWarning) }
        lines.append("")
        lines.append("calibration   postings  fraudulent  mean p  observed")
        for bin in report.calibration {
            lines.append(String(
                format: "%.1f–%.1f     %8d  %10d  %6.3f  %8.3f", bin.lower, bin.upper, bin.count, bin.positives,
                bin.meanProbability, bin.observedRate))
        }
        return lines.joined(separator: "\n")
    }

    /// The groups an imputing model leaves alone when empty (left empty by too many training postings, ADR 0029).
    static func notImputed(_ header: ModelHeader) -> String {
        guard let margins = header.emptyGroupMargins else { return "" }
        let left = margins.filter { $0.value == 0 }.keys.sorted()
        return left.isEmpty ? "" : " (not imputed, often empty in the training data: \(left.joined(separator: ", ")))"
    }

    /// What `model train` prints.
    public static func trainingSummary(_ header: ModelHeader, thresholds: Thresholds) -> String {
        let record = header.training
        let heldOut = record.heldOut
        return [
            "trained on \(record.examples) labelled postings (\(record.positives) fraudulent); skipped without label: \(record.skipped)",
            "data sha256 \(record.dataSHA256), seed \(record.options.seed), \(record.options.epochs) epochs, \(header.hashing.bucketCount) buckets",
            "fields read: \(header.hashing.fieldSpec) (scan with the same --map as training)",
            "features: \(header.hashing.weightingDescription)"
                + (header.hashing.imputeEmptyGroups ? ", empty field groups imputed" : "")
                + "; model format version \(header.formatVersion)" + notImputed(header),
            "bands: \(bands(header.bands)) (points: +\(thresholds.suspicious) / +\(thresholds.likelyFraud))",
            "held out (\(record.folds) folds grouped by \((record.bandFolds ?? .description).rawValue), rules + model): ≥ suspicious" + figures(heldOut.suspicious)
                + "; ≥ likelyFraud" + figures(heldOut.likelyFraud),
            "target: at most \(String(format: "%.1f", header.targets.likelyFraudFPR * 100)) % of honest postings at likelyFraud"
                + (header.targets.suspiciousFPR.map {
                    String(format: ", at most %.1f %% at suspicious or above", $0 * 100)
                } ?? ""),
            sourcesNote,
        ].joined(separator: "\n")
    }

    /// Closes `model train`'s summary: the held-out folds mix every source of the training data, so their figures do
    /// not say how the model does on a source it has not seen (measured on ORFD's cities: far worse).
    public static let sourcesNote = """
        note: these figures are for postings from the sources in the training data; on a new source (another city or \
        platform) the model can do far worse: measure that with `model eval --hold-out-by FIELD` before relying on it
        """

    /// Said (in the report and on standard error) when a model is evaluated on the very file it was trained on.
    public static let trainingDataWarning = """
        warning: this is the data the model was trained on (same sha256), so these figures are not held-out and \
        overstate what the model does on new postings; use other labelled data, or --cross-validate K on this data
        """

    static func bands(_ bands: ScoreBands) -> String {
        func value(_ p: Double) -> String { p > 1 ? "off" : String(format: "p ≥ %.3f", p) }
        return "suspicious \(value(bands.suspicious)), likelyFraud \(value(bands.likelyFraud))"
    }

    static func figures(_ matrix: Confusion) -> String {
        String(format: "  %7.3f %6.3f %6.3f %6.4f", matrix.precision, matrix.recall, matrix.f1, matrix.falsePositiveRate)
    }
}
