import TOMLKit

/// `console.canned_replies`: each item `"TAGG: text"`, `"*: text"`, or a table `{ name = "…", text = "…",
/// taggs = ["…"] }` (`[[console.canned_replies]]` too). A text's variables and braces are checked here, so
/// `config check` names a wrong one with its line.
extension ConfigurationReader {
    mutating func cannedReplies(_ key: String) -> [CannedReply]? {
        guard let value = value(key) else { return nil }
        guard let array = value.array else {
            reportType(key, expected: "a list of canned replies", value: value, hint: "put them in brackets")
            return nil
        }
        var replies: [CannedReply] = []
        for (position, element) in array.enumerated() {
            if let entry = element.string {
                guard let (tagg, text) = CannedReply.entry(entry) else {
                    report(
                        key,
                        "item \(position + 1): write it as \"TAGG: the reply\" (or \"*: the reply\" for every tagg)",
                        near: entry)
                    continue
                }
                if let reply = cannedReply(key, position, name: nil, text: text, taggs: tagg.map { [$0] }) {
                    replies.append(reply)
                }
            } else if let table = element.table {
                if let reply = cannedReply(key, position, table: table) { replies.append(reply) }
            } else {
                report(
                    key,
                    "item \(position + 1): expected \"TAGG: text\" or a table with name, text and taggs, found "
                        + found(element, at: key))
            }
        }
        return replies
    }

    private mutating func cannedReply(_ key: String, _ position: Int, table: TOMLTable) -> CannedReply? {
        let item = "item \(position + 1)"
        for unknown in table.keys where !["name", "text", "taggs"].contains(unknown) {
            report(key, "\(item): unknown key \"\(unknown)\"; a canned reply has name, text and taggs", near: unknown)
        }
        guard let text = table["text"]?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            report(key, "\(item): a canned reply needs a text, like text = \"Thanks, {operator}\"")
            return nil
        }
        var name: String?
        if let written = table["name"] {
            guard let string = written.string else {
                report(key, "\(item): name must be a string, found \(found(written, at: key))")
                return nil
            }
            name = string
        }
        var taggs: [String]?
        if let written = table["taggs"] {
            let list = written.array.map { $0.map(\.string) }
            guard let list, !list.isEmpty, list.allSatisfy({ $0?.isEmpty == false }) else {
                report(
                    key,
                    "\(item): taggs must be a list of taggs, like taggs = [\"PIZZA\", \"HELP\"] (leave it out for "
                        + "every tagg)")
                return nil
            }
            taggs = list.compactMap { $0 }
        }
        return cannedReply(key, position, name: name, text: text, taggs: taggs)
    }

    private mutating func cannedReply(
        _ key: String, _ position: Int, name: String?, text: String, taggs: [String]?
    ) -> CannedReply? {
        do {
            return try CannedReply(name: name, text: text, taggs: taggs)
        } catch {
            report(key, "item \(position + 1): \(error.description)", near: text)
            return nil
        }
    }
}
