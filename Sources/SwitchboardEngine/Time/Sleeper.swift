/// Waits; injected so retry loops are tested without sleeping.
package typealias Sleeper = @Sendable (Duration) async throws -> Void

/// The sleeper that really sleeps.
package let taskSleeper: Sleeper = { duration in try await Task.sleep(for: duration) }
