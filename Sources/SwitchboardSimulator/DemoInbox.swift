import Foundation
import SwitchboardEngine

/// A realistic inbox for `switchboard demo`: texts of every age, so every countdown colour shows, a few already
/// replied (through the real reply path), one expired, some hostile or non-latin.
package enum DemoInbox {
    /// One seeded text: how long ago it arrived, and whether to answer it right away.
    struct Seed {
        var minutesAgo: Double
        var tagg: String
        var message: String
        var reply: String?
    }

    static let seeds: [Seed] = [
        Seed(minutesAgo: 31, tagg: "HELP", message: "Is anyone there? I texted half an hour ago", reply: nil),
        Seed(minutesAgo: 29.3, tagg: "PIZZA", message: "Where is my order? It's been 45 minutes", reply: nil),
        Seed(minutesAgo: 27.2, tagg: "HELP", message: "HELP my card was charged twice", reply: nil),
        Seed(minutesAgo: 25, tagg: "INFO", message: "Are you open on Sunday?", reply: "Yes, 10am to 4pm on Sundays."),
        Seed(minutesAgo: 22.5, tagg: "PIZZA", message: "I’m outside, which door?", reply: nil),
        Seed(minutesAgo: 18, tagg: "INFO", message: "Привет! Когда вы открываетесь?", reply: nil),
        Seed(
            minutesAgo: 15, tagg: "PIZZA", message: "PIZZA large pepperoni, deliver to 12 Elm St apt 3",
            reply: "Got it: large pepperoni to 12 Elm St, about 35 minutes."),
        Seed(minutesAgo: 12, tagg: "HELP", message: "\u{1B}[2J\u{1B}[31mYOUR ACCOUNT IS LOCKED\u{1B}[0m", reply: nil),
        Seed(minutesAgo: 8, tagg: "INFO", message: "Price in € please, I'm in Dublin", reply: "€12.50 for a large."),
        Seed(minutesAgo: 6, tagg: "PIZZA", message: "Thanks 👍 see you soon 🍕", reply: nil),
        Seed(minutesAgo: 3, tagg: "HELP", message: "invoice_\u{202E}fdp.exe is that your file?", reply: nil),
        Seed(minutesAgo: 1, tagg: "INFO", message: "Can I change my pickup time to 6:30pm?\r\nThanks", reply: nil),
    ]

    /// Ready answers for the demo's reply pane (`Ctrl-R`), some with variables, a prompt and a cursor marker.
    package static let cannedReplies: [CannedReply] = [
        CannedReply(tagg: "PIZZA", text: "Your pizza is on its way, about 20 minutes."),
        CannedReply(tagg: "PIZZA", text: "Order {?order number} is in the oven: ready by {deadline}. {|}"),
        CannedReply(tagg: "HELP", text: "Sorry about that! A person will call you within the hour."),
        CannedReply(tagg: "INFO", text: "We're open 10am to 10pm, every day."),
        CannedReply(tagg: nil, text: "Thanks for your message, we'll get back to you shortly."),
        CannedReply(tagg: nil, text: "Hi, {operator} here ({tagg} desk). {|}"),
    ]

    /// Stores the seeds (and opens them on the fake Tagga with the same receipt times), then answers the ones
    /// with a reply through `replies`.
    package static func seed(
        store: any CallbackStore, account: SimulatedTaggaAccount, replies: ReplyService, now: Date
    ) async throws {
        var callbacks: [InboundCallback] = []
        for (index, seed) in seeds.enumerated() {
            let id = "demo-\(100 + index)"
            let received = now.addingTimeInterval(-seed.minutesAgo * 60)
            let from = InboundMessageCorpus.senders[index % InboundMessageCorpus.senders.count]
            account.openTransaction(id: id, tagg: seed.tagg, from: from, message: seed.message, createdAt: received)
            let body = FormURLEncoding.encode([("transaction_id", id), ("tagg", seed.tagg), ("message", seed.message)])
            callbacks.append(
                InboundCallback(
                    transactionID: id, tagg: seed.tagg, message: seed.message, encoding: .utf8, taggKnown: true,
                    receivedAt: received,
                    raw: RawCallbackRequest(
                        method: "POST", target: "/tagga", contentType: "application/x-www-form-urlencoded",
                        remoteAddress: "127.0.0.1", body: Array(body.utf8))))
        }
        _ = try await store.insertCallbacks(callbacks)
        for (index, seed) in seeds.enumerated() {
            guard let reply = seed.reply else { continue }
            _ = await replies.reply(transactionID: "demo-\(100 + index)", message: reply, paid: false)
        }
    }
}
