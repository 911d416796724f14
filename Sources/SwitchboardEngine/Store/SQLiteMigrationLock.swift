import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Several processes opening one new store at once would each read "nothing applied yet" and then apply the same
/// migration (GRDB reads the applied list outside the migration's transaction): `table … already exists`. An
/// exclusive `flock` on a file beside the store, held while migrating, makes them take turns; the second finds
/// everything applied.
enum SQLiteMigrationLock {
    static func withLock<T>(storePath: String, _ body: () throws -> T) throws -> T {
        let lockPath = storePath + "-migrate.lock"
        let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        // Without a lock file (a read-only folder) migrate anyway: that store has one user.
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { return try body() }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
