import Foundation

/// Sends texts through Tagget (docs/provider-contract.md §3): one JSON POST per recipient, transient failures retried with
/// exponential backoff and jitter (honouring `Retry-After`), and a request that may have been acted on never
/// re-sent automatically.
package struct TaggetSendClient: Sendable {
    package var account: TaggetAccount
    package var http: ProviderHTTPClient
    package var clock: any WallClock
    package var backoff: RetryBackoff
    package var sleep: Sleeper
    /// Attempts in all, the first included.
    package var maximumAttempts: Int
    /// A `Retry-After` longer than this ends the retries: the send is reported failed.
    package var longestRetryAfter: Duration

    package init(
        account: TaggetAccount, http: ProviderHTTPClient, clock: any WallClock = SystemWallClock(),
        backoff: RetryBackoff = RetryBackoff(), sleep: @escaping Sleeper = taskSleeper, maximumAttempts: Int = 5,
        longestRetryAfter: Duration = .seconds(300)
    ) {
        self.account = account
        self.http = http
        self.clock = clock
        self.backoff = backoff
        self.sleep = sleep
        self.maximumAttempts = maximumAttempts
        self.longestRetryAfter = longestRetryAfter
    }

    /// Sends one text; `onAttempt` sees each attempt as it ends.
    package func send(
        _ request: TaggetSendRequest, onAttempt: @Sendable (TaggetSendAttempt) async -> Void = { _ in }
    ) async -> (outcome: TaggetSendOutcome, attempts: [TaggetSendAttempt]) {
        let body = request.jsonBody(account: account)
        var attempts: [TaggetSendAttempt] = []
        while true {
            let (verdict, outcome, attempt) = await exchange(body, number: attempts.count + 1)
            attempts.append(attempt)
            await onAttempt(attempt)
            guard case .transient(let retryAfter) = verdict else { return (outcome, attempts) }
            guard attempts.count < maximumAttempts else {
                return (.failed("\(attempt.detail), \(attempts.count) attempts"), attempts)
            }
            var wait = backoff.delay(afterAttempt: attempts.count)
            if let retryAfter {
                guard retryAfter <= longestRetryAfter else {
                    return (.failed("\(attempt.detail); Tagget asked to wait \(retryAfter), too long"), attempts)
                }
                wait = max(wait, retryAfter)
            }
            do { try await sleep(wait) } catch { return (.failed("cancelled after \(attempt.detail)"), attempts) }
        }
    }

    /// One POST and nothing more (no retry): what it did, for a caller that schedules retries itself (the
    /// broadcast runner, whose retries must not block the other recipients).
    package func attemptOnce(_ request: TaggetSendRequest, number: Int) async -> (
        verdict: TaggetAttemptVerdict, outcome: TaggetSendOutcome, attempt: TaggetSendAttempt
    ) {
        await attemptOnce(body: request.jsonBody(account: account), number: number)
    }

    /// ``attemptOnce(_:number:)`` with the JSON body already made (``TaggetSendRequest/jsonBody(account:)``), so a
    /// paced caller does the work before its slot and the request leaves on time.
    package func attemptOnce(body: [UInt8], number: Int) async -> (
        verdict: TaggetAttemptVerdict, outcome: TaggetSendOutcome, attempt: TaggetSendAttempt
    ) {
        await exchange(body, number: number)
    }

    private func exchange(_ body: [UInt8], number: Int) async -> (
        TaggetAttemptVerdict, TaggetSendOutcome, TaggetSendAttempt
    ) {
        let started = clock.now()
        let result = await http.post(url: account.sendURL, contentType: "application/json", body: body)
        return Self.classify(result, number: number, startedAt: started)
    }

    /// Classifies one exchange per docs/provider-contract.md §3.
    package static func classify(_ result: HTTPExchangeResult, number: Int, startedAt: Date) -> (
        TaggetAttemptVerdict, TaggetSendOutcome, TaggetSendAttempt
    ) {
        func record(_ verdict: TaggetAttemptVerdict, _ status: Int?, _ detail: String) -> TaggetSendAttempt {
            TaggetSendAttempt(
                number: number, startedAt: startedAt, httpStatus: status, detail: detail, verdict: verdict)
        }
        switch result {
        case .failed(let failure):
            if failure.requestWasWritten {
                let detail = "no answer after the request was written (\(failure.reason))"
                return (.unknown, .unknown(detail), record(.unknown, nil, detail))
            }
            let detail = "not delivered to Tagget (\(failure.reason))"
            return (.transient(retryAfter: nil), .failed(detail), record(.transient(retryAfter: nil), nil, detail))
        case .response(let response):
            return TaggetAnswerClassifier.classify(
                status: response.status, body: response.body,
                retryAfter: response.headers.first(name: "Retry-After"), number: number, startedAt: startedAt)
        }
    }
}
