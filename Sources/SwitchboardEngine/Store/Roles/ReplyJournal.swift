import Foundation

/// The reply journal and its claims: exactly-once rests on three calls made in order around every POST to Tagga:
/// ``claim(transactionID:operatorName:now:lease:)`` (atomic, one live claim at a time), ``beginAttempt(_:)`` before
/// the POST, ``finishAttempt(id:outcome:at:)`` after it, and
/// ``release(transactionID:token:resolution:replyMessage:at:)`` when the reply is over.
package protocol ReplyJournal: Sendable {
    /// Every attempt to answer a transaction, oldest first.
    func journal(transactionID: String) async throws -> [ReplyJournalEntry]

    /// Every journal entry of every transaction, by transaction then attempt (for exports).
    func allJournalEntries() async throws -> [ReplyJournalEntry]

    /// Claims a transaction for a reply: succeeds only if it is open and no live claim exists. A claim whose lease
    /// has run out (its holder died) is taken over, and its unfinished attempts are marked abandoned. If the
    /// journal already holds a final answer (a holder died after Tagga's answer, before its release), the
    /// transaction is closed from it and `.final` returned: nothing is sent again.
    func claim(transactionID: String, operatorName: String, now: Date, lease: Duration) async throws -> ClaimResult

    /// Journals an attempt before its POST and renews the lease; fails unless `token` still holds a live claim.
    func beginAttempt(_ attempt: NewReplyAttempt) async throws -> Int64

    /// Records an attempt's outcome after its POST.
    func finishAttempt(id: Int64, outcome: TaggaAttemptOutcome, at: Date) async throws

    /// Ends a claim: the transaction takes the state the resolution gives it; this claim's attempts left without an
    /// outcome are marked unknown. `replyMessage` is the text that reached the texter, when one did.
    func release(
        transactionID: String, token: String, resolution: TaggaReplyResolution, replyMessage: String?, at: Date
    ) async throws
}
