/// Opens the store a configuration names.
package enum StoreOpener {
    package static func open(_ location: StoreLocation) throws -> any Store {
        switch location {
        case .sqlite(let path):
            return try SQLiteStore(path: path)
        case .postgres:
            throw StoreError.unavailable(
                "PostgreSQL stores are not supported yet; use store.url = \"sqlite:PATH\" for now")
        }
    }
}
