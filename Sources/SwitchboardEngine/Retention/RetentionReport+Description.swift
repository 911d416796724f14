import Foundation

extension RetentionTally: CustomStringConvertible {
    /// `12 text(s) (30 attempt(s), 12 raw request(s), 1 soft lock(s)), 2 campaign(s) (150 recipient(s))`.
    package var description: String {
        "\(texts) text(s) (\(attempts) attempt(s), \(rawRequests) raw request(s), \(composingMarks) soft lock(s)), "
            + "\(campaigns) campaign(s) (\(recipients) recipient(s))"
    }
}

extension RetentionReport: CustomStringConvertible {
    /// One line for a log: what went, in how many batches, the longest batch, and the space.
    package var description: String {
        let milliseconds = Int((longestBatch.timeInterval * 1000).rounded(.up))
        var text = "removed \(removed) in \(batches) batch(es), the longest \(milliseconds) ms"
        if let space { text += "; \(space)" }
        return text
    }
}
