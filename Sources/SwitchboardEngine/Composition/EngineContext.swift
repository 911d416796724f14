import AsyncHTTPClient
import Foundation

/// The engine's parts built from one configuration, for the commands and the console: the store, the reply
/// window, the HTTP client and the reply service. Call ``shutdown()`` when done.
package struct EngineContext: Sendable {
    package let configuration: SwitchboardConfiguration
    package let store: any Store
    package let window: ReplyWindow
    package let clock: any WallClock
    private let httpClient: HTTPClient

    package init(configuration: SwitchboardConfiguration, clock: any WallClock = SystemWallClock()) async throws {
        self.configuration = configuration
        self.clock = clock
        window = ReplyWindow(window: configuration.tagga.replyWindow, safetyMargin: configuration.tagga.safetyMargin)
        store = try await StoreOpener.open(configuration.store.location)
        httpClient = ProviderHTTPClient.makeClient()
    }

    /// The reply service, acting as the configured operator.
    package var replies: ReplyService {
        let tagga = configuration.tagga
        let client = TaggaReplyClient(
            account: TaggaAccount(baseURL: tagga.baseURL.absoluteString, apikey: tagga.apiKey, passkey: tagga.passKey),
            http: ProviderHTTPClient(client: httpClient), clock: clock)
        return ReplyService(
            store: store, client: client, window: window, paymentRegistered: tagga.paymentRegistered,
            operatorName: configuration.console.operatorName, clock: clock)
    }

    /// The Tagget send client, or nil when `tagget.id` / `tagget.token` are not set.
    package var sendClient: TaggetSendClient? {
        let tagget = configuration.tagget
        guard let id = tagget.id, !tagget.token.isEmpty else { return nil }
        let account = TaggetAccount(baseURL: tagget.baseURL.absoluteString, id: Int64(id), token: tagget.token)
        return TaggetSendClient(account: account, http: ProviderHTTPClient(client: httpClient), clock: clock)
    }

    /// Broadcasts with the configured sender, pace and operator; nil when Tagget is not configured.
    package var broadcasts: BroadcastService? {
        guard let client = sendClient else { return nil }
        let tagget = configuration.tagget
        return BroadcastService(
            store: store, client: client, defaultSender: tagget.sender.value,
            defaultRate: BroadcastRate(storedValue: tagget.rate), defaultConcurrency: tagget.concurrency,
            operatorName: configuration.console.operatorName, clock: clock)
    }

    /// Closes the store and the HTTP client.
    package func shutdown() async {
        try? await httpClient.shutdown()
        try? await store.close()
    }
}
