/// Opens the store a configuration names.
package enum StoreOpener {
    /// Opens (and migrates) the store; a PostgreSQL store is connected to before this returns.
    package static func open(_ location: StoreLocation) async throws -> any Store {
        switch location {
        case .sqlite(let path):
            return try SQLiteStore(path: path)
        case .postgres(let url):
            return try await PostgresStore.open(url: url.reveal())
        }
    }
}
