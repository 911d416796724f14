import NIOCore

/// One broadcast sender's way to Tagget: a keep-alive connection of its own (``KeepAliveHTTPConnection``), over TLS
/// for an `https://` endpoint (the real one) and plain for `http://` (the simulator, a local relay). Only a send URL
/// it cannot split (neither scheme) falls back to the shared ``ProviderHTTPClient``, which then reports the problem.
/// Either way one call is one POST, classified per docs/provider-contract.md §3. Not `Sendable`: it belongs to its sender's task.
package final class TaggetSendLine {
    private let client: TaggetSendClient
    private let connection: KeepAliveHTTPConnection?

    /// The connection's I/O runs on `eventLoop`; it takes its timeouts from `client`'s HTTP client.
    package init(client: TaggetSendClient, eventLoop: any EventLoop) {
        self.client = client
        connection = HTTPTarget(url: client.account.sendURL).map {
            KeepAliveHTTPConnection(
                target: $0, eventLoop: eventLoop, connectTimeout: client.http.connectTimeout,
                responseTimeout: client.http.responseTimeout)
        }
    }

    /// Whether it has a connection of its own (an `http://` or `https://` endpoint).
    package var isDedicated: Bool { connection != nil }

    /// One POST of a ready JSON body, no retry (``TaggetSendClient/attemptOnce(body:number:)``).
    package func attemptOnce(body: [UInt8], number: Int) async -> (
        verdict: TaggetAttemptVerdict, outcome: TaggetSendOutcome, attempt: TaggetSendAttempt
    ) {
        guard let connection else { return await client.attemptOnce(body: body, number: number) }
        let started = client.clock.now()
        let result = await connection.post(contentType: "application/json", body: body)
        return TaggetSendClient.classify(result, number: number, startedAt: started)
    }

    /// Closes its connection, if it has one.
    package func close() async {
        await connection?.close()
    }
}
