extension RecipientImport {
    /// Reads an RFC 4180 CSV (see `CSVReader`); the header and number column are found as `CSVLayout` says.
    ///
    /// Each recipient keeps its row by column name. A row shorter than the header lacks the missing columns
    /// (a row without the number's cell is invalid: the number is empty); cells beyond the header are
    /// ignored. Without a header, the columns are `1` to the widest row's width. A record whose every cell
    /// is blank is skipped. The line of a record is the line it starts on.
    package static func csv(_ text: String, detailLimit: Int = RecipientList.defaultDetailLimit) -> RecipientList {
        var reader = CSVReader(text)
        var builder = RecipientListBuilder(detailLimit: detailLimit)
        var layout: CSVLayout?
        var widestRow = 0
        while let result = reader.next() {
            let record: CSVRecord
            switch result {
            case .unterminatedQuote(let line, let raw):
                builder.addInvalid(line: line, raw: raw, reason: .unterminatedQuote)
                continue
            case .record(let read):
                record = read
            }
            if record.isBlank { continue }
            let current: CSVLayout
            if let layout {
                current = layout
            } else {
                current = CSVLayout(firstRow: record.fields)
                layout = current
                if current.hasHeader { continue }
            }
            widestRow = max(widestRow, record.fields.count)
            let index = current.phoneColumnIndex
            let raw = index < record.fields.count ? record.fields[index] : ""
            builder.add(raw: raw, line: record.line, fields: fields(of: record, layout: current))
        }
        guard let layout else {
            return builder.build(columns: [], phoneColumn: nil, hasHeader: false, format: .csv)
        }
        let columns = layout.hasHeader ? layout.headerColumns : (0..<widestRow).map(CSVLayout.positionalName)
        let phoneColumn = layout.phoneColumnIndex < columns.count ? columns[layout.phoneColumnIndex] : nil
        return builder.build(columns: columns, phoneColumn: phoneColumn, hasHeader: layout.hasHeader, format: .csv)
    }

    /// The record's cells by column name.
    private static func fields(of record: CSVRecord, layout: CSVLayout) -> [String: String] {
        var fields: [String: String] = [:]
        if layout.hasHeader {
            fields.reserveCapacity(min(record.fields.count, layout.headerColumns.count))
            for (name, value) in zip(layout.headerColumns, record.fields) { fields[name] = value }
        } else {
            fields.reserveCapacity(record.fields.count)
            for (index, value) in record.fields.enumerated() { fields[CSVLayout.positionalName(index)] = value }
        }
        return fields
    }
}
