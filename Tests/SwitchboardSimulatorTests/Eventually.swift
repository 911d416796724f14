/// Polls `condition` every 5 ms until it holds or `timeout` passes; returns whether it held. For waiting on a state
/// the code under test reaches by itself, in place of a fixed sleep.
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let end = clock.now + timeout
    while clock.now < end {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
