import Foundation
import GRDB

/// How a connection waits for SQLite's write lock when another holds it: it looks again every half millisecond for
/// the first 50 ms, then every 5 ms, and gives up after about 15 s.
///
/// SQLite's own timeout (`busy_timeout`) sleeps 1, 2, 5, 10, 15, 20 ms and so on between looks, so a callback that
/// found the lock taken by a retention batch of 3 ms waited 8 ms, and one behind a 10 ms batch 18 ms: most of a
/// callback's wait beside `switchboard prune` was the sleep after the lock was already free.
enum SQLiteBusyWait {
    static let total: Duration = .seconds(15)
    static let quick: Duration = .milliseconds(50)
    static let quickStep: Duration = .microseconds(500)
    static let slowStep: Duration = .milliseconds(5)

    /// How many looks come at the quick pace, and how many in all before giving up.
    static let quickTries = Int(quick / quickStep)
    static let tries = quickTries + Int((total - quick) / slowStep)

    static let mode: Database.BusyMode = .callback { numberOfTries in
        guard numberOfTries < tries else { return false }
        usleep(useconds_t((numberOfTries < quickTries ? quickStep : slowStep) / .microseconds(1)))
        return true
    }
}
