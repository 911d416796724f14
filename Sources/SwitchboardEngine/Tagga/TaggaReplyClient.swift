import Foundation

/// Sends replies to Tagga (docs/provider-contract.md §2): the form POST, the XML answer, and the retries of unknown outcomes.
///
/// An unknown outcome (no answer, a non-2xx status, an unparseable body) is retried up to `maximumRetries` times
/// while the window is open, which is safe because Tagga answers a duplicate with 19.
package struct TaggaReplyClient: Sendable {
    package var account: TaggaAccount
    package var http: ProviderHTTPClient
    package var clock: any WallClock
    package var backoff: RetryBackoff
    package var sleep: Sleeper
    package var maximumRetries: Int

    package init(
        account: TaggaAccount, http: ProviderHTTPClient, clock: any WallClock = SystemWallClock(),
        backoff: RetryBackoff = RetryBackoff(base: .milliseconds(500), maximum: .seconds(8)),
        sleep: @escaping Sleeper = taskSleeper, maximumRetries: Int = 3
    ) {
        self.account = account
        self.http = http
        self.clock = clock
        self.backoff = backoff
        self.sleep = sleep
        self.maximumRetries = maximumRetries
    }

    /// POSTs the reply once.
    package func attempt(_ request: TaggaReplyRequest, number: Int = 1) async -> TaggaReplyAttempt {
        let started = clock.now()
        let body = request.formBody(apikey: account.apikey, passkey: account.passkey)
        let redacted = redactedBody(request)
        let result = await http.post(
            url: account.replyURL, contentType: "application/x-www-form-urlencoded", body: Array(body.utf8))
        return TaggaReplyAttempt(
            number: number, startedAt: started, finishedAt: clock.now(), redactedRequestBody: redacted,
            outcome: Self.outcome(of: result))
    }

    /// Sends the reply, retrying unknown outcomes while `retryUntil` has not passed. `beforeAttempt` runs before
    /// every POST (the journal records the attempt there; if it throws, nothing more is sent and the error is
    /// rethrown); `onAttempt` sees every attempt as it ends. The returned attempts are in order.
    package func reply(
        _ request: TaggaReplyRequest, retryUntil: Date? = nil,
        beforeAttempt: (_ number: Int, _ redactedBody: String) async throws -> Void,
        onAttempt: (TaggaReplyAttempt) async throws -> Void
    ) async rethrows -> (resolution: TaggaReplyResolution, attempts: [TaggaReplyAttempt]) {
        var attempts: [TaggaReplyAttempt] = []
        while true {
            try await beforeAttempt(attempts.count + 1, redactedBody(request))
            let next = await attempt(request, number: attempts.count + 1)
            attempts.append(next)
            try await onAttempt(next)
            guard next.outcome.returnCode == nil, attempts.count <= maximumRetries else { break }
            let wait = backoff.delay(afterAttempt: attempts.count)
            if let retryUntil, clock.now().addingTimeInterval(wait.timeInterval) >= retryUntil { break }
            do { try await sleep(wait) } catch { break }
        }
        return (TaggaReplyResolution.resolve(attempts.map(\.outcome)), attempts)
    }

    /// Sends the reply with the same retries, journaling nowhere.
    package func reply(_ request: TaggaReplyRequest, retryUntil: Date? = nil) async -> (
        resolution: TaggaReplyResolution, attempts: [TaggaReplyAttempt]
    ) {
        await reply(request, retryUntil: retryUntil, beforeAttempt: { _, _ in }, onAttempt: { _ in })
    }

    /// The form body with the credentials replaced by `***`: what the journal keeps.
    package func redactedBody(_ request: TaggaReplyRequest) -> String {
        request.formBody(apikey: Secret("***"), passkey: Secret("***"))
    }

    /// Classifies one exchange: only a 2xx with a parseable document is an answer.
    package static func outcome(of result: HTTPExchangeResult) -> TaggaAttemptOutcome {
        switch result {
        case .failed(let failure):
            return .unknown(.transport(failure.reason, requestWasWritten: failure.requestWasWritten))
        case .response(let response):
            guard (200..<300).contains(response.status) else {
                return .unknown(.httpStatus(response.status, body: response.bodyText))
            }
            guard let parsed = TaggaResponse.parse(response.body) else {
                return .unknown(.unparseable(body: response.bodyText))
            }
            return .answered(parsed, rawBody: response.bodyText)
        }
    }
}
