/// Polls `condition` every `interval` until it holds, `timeout` passes or the task is cancelled; returns whether it
/// held. For waiting on a state the code under test reaches by itself, in place of a fixed sleep.
package func eventually(
    timeout: Duration = .seconds(10), every interval: Duration = .milliseconds(5), _ condition: () -> Bool
) async -> Bool {
    let clock = ContinuousClock()
    let end = clock.now + timeout
    while clock.now < end, !Task.isCancelled {
        if condition() { return true }
        try? await Task.sleep(for: interval)
    }
    return condition()
}
