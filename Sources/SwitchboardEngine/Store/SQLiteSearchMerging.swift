import GRDB

/// Migration v6 and the step that follows it: the search index's writers merge its segments a little at a time,
/// instead of FTS5 merging them whenever enough have piled up.
///
/// FTS5 keeps an index as segments and, by default, merges them inside whichever write makes them numerous enough
/// (`automerge`): most batches of a prune's index deletes took 0.2 ms, but one in a hundred took 30–50 ms and the
/// worst 240–470 ms. With `automerge` off, every writer of the index (``SQLiteSearchIndex``) does a bounded amount of
/// merge work after its change instead, in proportion to it, which keeps the segments few. `crisismerge` is raised
/// so that FTS5's own emergency merge stays the exception it is meant to be. Since the index has a file of its own
/// (``SQLiteSearchFile``), none of this holds the store's write lock.
enum SQLiteSearchMerging {
    /// Segments at one level before FTS5 merges them itself whatever the setting (default 16).
    static let crisisMerge = 64

    /// Sets the merge policy of the FTS5 table `table` (`schema.name` or a name).
    static func apply(_ db: Database, table: String) throws {
        let column = table.split(separator: ".").last.map(String.init) ?? table
        try db.execute(sql: "INSERT INTO \(table) (\(column), rank) VALUES ('automerge', 0)")
        try db.execute(sql: "INSERT INTO \(table) (\(column), rank) VALUES ('crisismerge', \(crisisMerge))")
    }

    /// Merge work in proportion to `changed` index entries just written: about one page for two entries, and at
    /// least a few pages, so the segments stay few however small the batches.
    static func merge(_ db: Database, afterChanging changed: Int) throws {
        guard changed > 0 else { return }
        try db.execute(
            sql: "INSERT INTO search.text_index (text_index, rank) VALUES ('merge', ?)",
            arguments: [max(8, changed / 2)])
    }
}
