import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Tagga's XML answer to a reply.
package struct TaggaResponse: Sendable, Hashable {
    package var transactionID: String?
    package var returnCode: TaggaReturnCode
    package var message: String?

    package init(transactionID: String?, returnCode: TaggaReturnCode, message: String?) {
        self.transactionID = transactionID
        self.returnCode = returnCode
        self.message = message
    }

    /// The XML the provider sends for this answer (used by the simulator; escaped properly).
    package var xml: String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<TaggaResponse version=\"1.0\">"]
        if let transactionID { lines.append("  <TransactionID>\(Self.escape(transactionID))</TransactionID>") }
        lines.append("  <ReturnCode>\(returnCode.code)</ReturnCode>")
        if let message { lines.append("  <Message>\(Self.escape(message))</Message>") }
        lines.append("</TaggaResponse>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses the answer tolerantly: surrounding whitespace, any element order, extra elements, a missing
    /// `version`, element names in any case. Returns nil when there is no complete `TaggaResponse` with an integer
    /// `ReturnCode`, which the caller must treat as an unknown outcome.
    package static func parse(_ body: [UInt8]) -> TaggaResponse? {
        guard isSafeForXMLParser(body) else { return nil }
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(body))
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        // A truncated document is no answer, however valid its start; trailing bytes after the root are ignored.
        _ = parser.parse()
        guard collector.sawRoot, collector.sawRootEnd else { return nil }
        let trimmed = { (name: String) -> String? in
            collector.values[name]?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let codeText = trimmed("returncode"), let code = Int(codeText) else { return nil }
        return TaggaResponse(
            transactionID: trimmed("transactionid"), returnCode: TaggaReturnCode(code: code),
            message: trimmed("message"))
    }

    /// Whether FoundationXML can be given the body without ending the process. It cannot when libxml2 hands it an
    /// element name that is not UTF-8 (`<` and four 0xFF bytes) or a processing instruction with no data (`<?a?>`):
    /// both found by fuzzing. Tagga answers in UTF-8 with at most an XML declaration, so a body that is not UTF-8
    /// or holds any other `<?` is no answer: an unknown outcome.
    static func isSafeForXMLParser(_ body: [UInt8]) -> Bool {
        guard String(validating: body, as: UTF8.self) != nil else { return false }
        let start = body.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let declaration = Array("<?xml".utf8)
        var index = 0
        while index + 1 < body.count {
            if body[index] == UInt8(ascii: "<"), body[index + 1] == UInt8(ascii: "?") {
                let isDeclaration =
                    index == start && body[index...].starts(with: declaration)
                    && body.count > index + declaration.count
                    && [0x20, 0x09, 0x0D, 0x0A].contains(body[index + declaration.count])
                if !isDeclaration { return false }
            }
            index += 1
        }
        return true
    }

    /// Escaped for element text. A carriage return is written as a character reference: XML parsers turn a raw one
    /// (and CR LF) into a line feed, so the text would not read back as written (found by fuzzing).
    private static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Gathers the text of the children of `<TaggaResponse>` by lower-cased element name.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var values: [String: String] = [:]
    var sawRoot = false
    var sawRootEnd = false
    private var path: [String] = []
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let name = elementName.lowercased()
        if path.isEmpty && name == "taggaresponse" { sawRoot = true }
        path.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        text += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = elementName.lowercased()
        if sawRoot && path.count == 2 && values[name] == nil { values[name] = text }
        if path.count == 1 && name == "taggaresponse" { sawRootEnd = true }
        path.removeLast()
        text = ""
    }
}
