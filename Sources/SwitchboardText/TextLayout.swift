/// Fitting text into columns: truncation with an ellipsis and word wrapping, by display width.
package enum TextLayout {
    /// `text` cut to `width` columns, ending in `…` when it was longer.
    package static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard CharacterWidth.of(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let columns = CharacterWidth.of(character)
            if used + columns > width - 1 { break }
            out.append(character)
            used += columns
        }
        return out + "…"
    }

    /// `text` padded with spaces (or truncated) to exactly `width` columns.
    package static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - CharacterWidth.of(cut)))
    }

    /// Untrusted `text` made line-safe (``TextSanitizer/lineSafe(_:)``) and padded or cut to `width` columns,
    /// sanitizing only as much of it as can show: a 10,000-character text costs what a short one does.
    package static func padLineSafe(_ text: String, to width: Int) -> String {
        let scalars = text.unicodeScalars
        if let end = scalars.index(scalars.startIndex, offsetBy: 4 * width + 16, limitedBy: scalars.endIndex),
            end < scalars.endIndex
        {
            let head = TextSanitizer.lineSafe(String(scalars[..<end]))
            // Wider than the column even without the rest: it is cut inside `head`, the rest cannot show.
            if CharacterWidth.of(head) > width { return pad(head, to: width) }
        }
        return pad(TextSanitizer.lineSafe(text), to: width)
    }

    /// `text` wrapped into lines of at most `width` columns, breaking after spaces where it can.
    package static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        var lastSpace: String.Index?
        for character in text {
            let columns = CharacterWidth.of(character)
            if used + columns > width {
                if let space = lastSpace, space > line.startIndex {
                    let rest = String(line[line.index(after: space)...])
                    lines.append(String(line[..<space]))
                    line = rest
                } else {
                    lines.append(line)
                    line = ""
                }
                used = CharacterWidth.of(line)
                lastSpace = nil
            }
            line.append(character)
            used += columns
            if character == " " { lastSpace = line.index(before: line.endIndex) }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
