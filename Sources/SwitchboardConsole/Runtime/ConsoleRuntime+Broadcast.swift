import SwitchboardEngine

extension ConsoleRuntime {
    /// The work a broadcast effect asks for, to run in the effects' task group; nil for other effects.
    func broadcastWork(for effect: ConsoleEffect, supervisor: BroadcastSupervisor?, service: BroadcastService?)
        -> (@Sendable () async -> Void)?
    {
        let queue = events
        switch effect {
        case .readRecipientsFile(let path):
            return { queue.post(.recipientsFileRead(RecipientsFileReader.read(path))) }
        case .planBroadcast(let draft):
            guard let service else { return nil }
            return {
                let plan = service.plan(
                    recipients: draft.recipients, fileName: draft.fileName, body: draft.body, sender: draft.sender)
                queue.post(.broadcastPlanned(PlannedBroadcast(generation: draft.generation, plan: plan)))
            }
        case .startBroadcast(let planned):
            guard let supervisor else { return nil }
            return { await supervisor.start(planned.plan) }
        case .retryFailed(let id):
            guard let supervisor else { return nil }
            return { await supervisor.retryFailed(campaignID: id) }
        case .loadBroadcastResults(let id):
            guard let service else { return nil }
            return {
                do {
                    let tally = try await service.store.campaignTally(id: id)
                    let notSent = try await service.store.campaignRecipients(
                        id: id, states: [.rejected, .failed, .unknown], afterPosition: -1,
                        limit: BroadcastRun.resultsLimit)
                    queue.post(.broadcastResults(campaignID: id, tally: tally, notSent: notSent))
                } catch {
                    queue.post(
                        .broadcastFailed(
                            campaignID: id, reason: "the results could not be loaded (b tries again): \(error)"))
                }
            }
        case .pauseBroadcast:
            return { supervisor?.pause() }
        case .resumeBroadcast:
            return { supervisor?.resume() }
        case .cancelBroadcast:
            return { supervisor?.cancel() }
        case .loadJournal, .sendReply, .markComposing, .bell, .quit, .loadArchivePage, .countArchive:
            return nil
        }
    }
}
