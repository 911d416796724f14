/// The GSM 03.38 default alphabet and its extension table, as carriers count them.
///
/// A character of the basic table costs one septet; a character of the extension table is sent as
/// ESC (0x1B) followed by its code, so it costs two. ESC itself is not a character anyone can type.
package enum GSMAlphabet {
    /// The 127 characters of the basic table (0x00–0x7F without ESC at 0x1B), in table order.
    package static let basicCharacters: [Unicode.Scalar] = [
        "@£$¥èéùìòÇ\nØø\rÅå",
        "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ",
        " !\"#¤%&'()*+,-./0123456789:;<=>?",
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§",
        "¿abcdefghijklmnopqrstuvwxyzäöñüà",
    ].flatMap { Array($0.unicodeScalars) }

    /// The characters of the extension table: form feed, `^ { } \ [ ~ ] |` and `€`.
    package static let extensionCharacters: [Unicode.Scalar] = Array("\u{0C}^{}\\[~]|€".unicodeScalars)

    private static let basicSet = Set(basicCharacters)
    private static let extensionSet = Set(extensionCharacters)

    /// The septets `scalar` costs in GSM-7: 1 for the basic table, 2 for the extension table, nil when it
    /// cannot be sent in GSM-7 at all.
    package static func septets(for scalar: Unicode.Scalar) -> Int? {
        if basicSet.contains(scalar) { return 1 }
        if extensionSet.contains(scalar) { return 2 }
        return nil
    }

    /// The septets `character` costs, or nil when one of its scalars is not GSM.
    package static func septets(for character: Character) -> Int? {
        var total = 0
        for scalar in character.unicodeScalars {
            guard let cost = septets(for: scalar) else { return nil }
            total += cost
        }
        return total
    }

    /// Whether every scalar of `text` is in the default alphabet or its extension table.
    package static func canEncode(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { septets(for: $0) != nil }
    }
}
