import Foundation
import SwitchboardEngine
import Synchronization

/// The fake Tagga and Tagget of docs/provider-contract.md §5 behind one HTTP server: Tagga's `/api/response/` and Tagget's
/// `/engage/send_sms`, with every request recorded and faults injected on demand.
package final class ProviderSimulator: Sendable {
    package let tagga: SimulatedTaggaAccount
    package let tagget: SimulatedTaggetAccount
    package let faults: FaultInjector
    package let settings: SimulatorSettings
    private let recorded = Mutex<[RecordedRequest]>([])
    private let server = Mutex<SimulatorHTTPServer?>(nil)
    private let boundPort = Mutex<Int?>(nil)
    private let observer: @Sendable (String) -> Void

    package init(
        settings: SimulatorSettings = SimulatorSettings(), faults: FaultInjector = FaultInjector(),
        clock: any WallClock = SystemWallClock(), observer: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.observer = observer
        self.settings = settings
        self.tagga = SimulatedTaggaAccount(settings: settings, clock: clock)
        self.tagget = SimulatedTaggetAccount(settings: settings, clock: clock)
        self.faults = faults
    }

    /// Starts listening; port 0 picks a free one. Returns the base URL both providers are served under.
    @discardableResult
    package func start(host: String = "127.0.0.1", port: Int = 0) async throws -> String {
        let http = SimulatorHTTPServer { [weak self] request in
            self?.handle(request) ?? .drop
        }
        let bound = try await http.start(host: host, port: port)
        server.withLock { $0 = http }
        boundPort.withLock { $0 = bound }
        return baseURL(host: host)
    }

    /// The base URL (`http://host:port`) once started.
    package func baseURL(host: String = "127.0.0.1") -> String {
        let port = boundPort.withLock { $0 } ?? 0
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)"
    }

    /// Stops the server and closes every connection.
    package func stop() async {
        let http = server.withLock { server in
            defer { server = nil }
            return server
        }
        await http?.stop()
    }

    /// Every request received so far, in arrival order.
    package var requests: [RecordedRequest] { recorded.withLock { $0 } }

    /// The requests received on one path.
    package func requests(to path: String) -> [RecordedRequest] {
        requests.filter { $0.path == path }
    }

    /// Forgets the recorded requests.
    package func clearRecordedRequests() {
        recorded.withLock { $0.removeAll() }
    }

    /// Routes one request: records it, applies any fault, and answers as the provider would.
    package func handle(_ request: RecordedRequest) -> SimulatorAction {
        recorded.withLock { $0.append(request) }
        let endpoint: SimulatedEndpoint
        switch request.path {
        case "/api/response/", "/api/response": endpoint = .taggaReply
        case "/engage/send_sms": endpoint = .taggetSend
        case "/healthz": return .respond(.text(.ok, "OK\n"), after: .zero)
        default: return .respond(.text(.notFound, "no such endpoint: \(request.path)\n"), after: .zero)
        }
        guard request.method == "POST" else {
            return .respond(.text(.methodNotAllowed, "use POST\n"), after: .zero)
        }
        var delay = Duration.zero
        let recipient = endpoint == .taggetSend ? Self.recipient(ofSend: request.body) : nil
        for fault in faults.next(for: endpoint, recipient: recipient) {
            switch fault {
            case .latency(let extra): delay += extra
            case .serverError: return .respond(.text(.internalServerError, "simulated failure\n"), after: delay)
            case .throttled(let seconds):
                var response = SimulatorResponse.text(.tooManyRequests, "slow down\n")
                if let seconds { response.headers.append(("Retry-After", String(seconds))) }
                return .respond(response, after: delay)
            case .timeoutAfterBody:
                _ = answer(request, endpoint: endpoint)
                return .hang
            case .dropAfterBody:
                _ = answer(request, endpoint: endpoint)
                return .drop
            case .taggetRejected(let message):
                observer("tagget send: HTTP 400 (forced: \(message))")
                let text = message.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\\", with: "/")
                let body = "{\"data\":null,\"message\":\"\(text)\",\"status\":400}"
                return .respond(
                    SimulatorResponse(
                        status: .badRequest, contentType: "application/json; charset=utf-8", body: body),
                    after: delay)
            case .taggaReturnCode(let code):
                let fields = FormURLEncoding.decode(bytes: request.body) ?? []
                let id = fields.first { $0.name == "transaction_id" }?.value
                let returnCode = TaggaReturnCode(code: code)
                let response = TaggaResponse(
                    transactionID: id, returnCode: returnCode, message: SimulatedTaggaAccount.seedMessage(returnCode))
                observer("tagga reply to \(id ?? "?"): \(returnCode) (forced)")
                return .respond(
                    SimulatorResponse(status: .ok, contentType: "text/xml; charset=UTF-8", body: response.xml),
                    after: delay)
            }
        }
        return .respond(answer(request, endpoint: endpoint), after: delay)
    }

    private func answer(_ request: RecordedRequest, endpoint: SimulatedEndpoint) -> SimulatorResponse {
        switch endpoint {
        case .taggaReply:
            let response = tagga.answer(formBody: request.body, remoteAddress: request.remoteAddress)
            observer("tagga reply to \(response.transactionID ?? "?"): \(response.returnCode)")
            return SimulatorResponse(status: .ok, contentType: "text/xml; charset=UTF-8", body: response.xml)
        case .taggetSend:
            let (status, body) = tagget.answer(jsonBody: request.body)
            observer("tagget send to \(Self.recipient(ofSend: request.body) ?? "?"): HTTP \(status)")
            return SimulatorResponse(
                status: .init(statusCode: status), contentType: "application/json; charset=utf-8", body: body)
        }
    }
}

extension ProviderSimulator {
    /// The `to` of a Tagget send's JSON body, if it has one (for faults scripted per recipient).
    static func recipient(ofSend body: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        return object["to"] as? String
    }
}
