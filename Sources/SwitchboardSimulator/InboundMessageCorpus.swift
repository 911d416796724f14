/// Realistic inbound texts for the generator: plain latin, GSM extension characters, curly quotes, other scripts,
/// emoji, and the hostile ones (controls, escape sequences, bidi overrides) the console must render harmlessly.
package enum InboundMessageCorpus {
    package static let bodies: [String] = [
        "Where is my order? It's been 45 minutes",
        "PIZZA large pepperoni, deliver to 12 Elm St apt 3",
        "HELP my card was charged twice",
        "Are you open on Sunday?",
        "Can I change my pickup time to 6:30pm?",
        "STOP",
        "Thanks! Got it.",
        "Is the 10% discount still valid [code SAVE10]?",
        "Price in € please, I'm in Dublin",
        "I’m outside, which door?",
        "“Urgent” – please call me back",
        "¿Dónde está mi pedido?",
        "Привет! Когда вы открываетесь?",
        "你好，我的订单在哪里？",
        "مرحبا، هل التوصيل مجاني؟",
        "Thanks 👍 see you soon 🍕",
        "🇮🇪 order for the Dublin shop",
        "line one\r\nline two\r\nline three",
        "tab\tseparated\tvalues",
        "ring ring\u{07}\u{07}",
        "\u{1B}[2J\u{1B}[31mYOUR ACCOUNT IS LOCKED\u{1B}[0m",
        "invoice_\u{202E}fdp.exe",
        "café au lait x2",
        "",
        "ok",
        "Can you deliver to the office on 5th Ave? Ring the bell twice, the intercom is broken and nobody hears it.",
    ]

    /// Texters' numbers, E.164.
    package static let senders: [String] = [
        "+18397536474", "+16892725454", "+14155550123", "+447700900123", "+353861234567", "+4915112345678",
        "+819012345678", "+5511987654321",
    ]
}
