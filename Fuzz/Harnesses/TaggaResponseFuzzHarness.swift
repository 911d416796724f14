import Foundation
import SwitchboardEngine

/// Tagga's XML answer under fuzzing (docs/provider-contract.md §2), shared by the libFuzzer target and the corpus replay test.
///
/// The input is read twice. As an answer body: parsing never traps, gives the same result twice, and an answer it
/// accepts, written out again by ``TaggaResponse/xml``, parses back to itself. As the parts of an answer (transaction
/// id, code, message, split at NUL bytes): the simulator's XML for them parses back to them, whitespace trimmed,
/// so whatever the fake provider says, the client reads.
package enum TaggaResponseFuzzHarness {
    /// The problems found with one input; empty when every property holds.
    package static func run(_ input: [UInt8]) -> [String] {
        var problems: [String] = []
        let parsed = TaggaResponse.parse(input)
        if TaggaResponse.parse(input) != parsed { problems.append("parsing the same bytes twice differed") }
        if let parsed, TaggaResponse.parse(Array(parsed.xml.utf8)) != parsed {
            problems.append("\(parsed) did not survive being written as XML: \(parsed.xml.debugDescription)")
        }
        let written = response(from: input)
        let read = TaggaResponse.parse(Array(written.xml.utf8))
        if read != trimmed(written) {
            problems.append("wrote \(written), read \(read.map(String.init(describing:)) ?? "nothing")")
        }
        return problems
    }

    /// An answer made of the input's parts: characters XML 1.0 cannot carry at all are left out.
    static func response(from input: [UInt8]) -> TaggaResponse {
        let parts = input.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        var code = 0
        for byte in (parts.count > 1 ? parts[1] : []).prefix(8).reversed() { code = code << 8 | Int(byte) }
        return TaggaResponse(
            transactionID: xmlText(parts[0]), returnCode: TaggaReturnCode(code: code),
            message: parts.count > 2 ? xmlText(parts[2]) : nil)
    }

    private static func xmlText(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: scalars.append(scalar)
            default: continue
            }
        }
        return String(scalars)
    }

    private static func trimmed(_ response: TaggaResponse) -> TaggaResponse {
        let trim = { (text: String?) in text?.trimmingCharacters(in: .whitespacesAndNewlines) }
        return TaggaResponse(
            transactionID: trim(response.transactionID), returnCode: response.returnCode,
            message: trim(response.message))
    }
}
