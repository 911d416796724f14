import NIOCore

/// A SwiftNIO event loop as a task executor: tasks that prefer it (`withTaskExecutorPreference`,
/// `addTask(executorPreference:)`) run their nonisolated code on the loop's thread, so awaiting I/O on that same
/// loop resumes them without a hop to another thread. (swift-nio 2.101 has no such executor of its own.)
package final class EventLoopTaskExecutor: TaskExecutor {
    package let eventLoop: any EventLoop

    package init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
