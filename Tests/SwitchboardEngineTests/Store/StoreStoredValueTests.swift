import Foundation
import Testing

@testable import SwitchboardEngine

/// A stored word this version does not know (a state, an encoding, an outcome) is an error that names the row, on
/// both stores: never read as something else (an unknown state read as `pending` would offer a text for a second
/// reply).
@Suite struct StoreStoredValueTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: StoreKind.tested)
    func anUnknownTransactionStateIsAnErrorNamingTheRow(kind: StoreKind) async throws {
        let location = try await kind.freshLocation()
        let store = try await location.open()
        _ = try await store.insertCallbacks([StoreFixture.callback("t-odd", at: now)])
        try await location.executeBehindTheStore("UPDATE inbound_transaction SET state = 'frobbed' WHERE id = 't-odd'")
        let error = await #expect(throws: StoredValueError.self) { try await store.transaction(id: "t-odd") }
        #expect(error?.row == "transaction t-odd")
        #expect(error?.column == "state")
        #expect(error?.value == "frobbed")
        #expect(error?.description.contains("\"frobbed\", which this version does not know") == true, "\(error!)")
        await #expect(throws: StoredValueError.self) { try await store.transactions(.all) }
        try await store.close()
    }

    @Test(arguments: StoreKind.tested)
    func anUnknownEncodingIsAnErrorToo(kind: StoreKind) async throws {
        let location = try await kind.freshLocation()
        let store = try await location.open()
        _ = try await store.insertCallbacks([StoreFixture.callback("t-enc", at: now)])
        try await location.executeBehindTheStore(
            "UPDATE inbound_transaction SET encoding = 'ebcdic' WHERE id = 't-enc'")
        let error = await #expect(throws: StoredValueError.self) { try await store.transaction(id: "t-enc") }
        #expect(error?.column == "encoding")
        try await store.close()
    }

    @Test(arguments: StoreKind.tested)
    func anUnknownCampaignOrRecipientStateIsAnErrorNamingTheRow(kind: StoreKind) async throws {
        let location = try await kind.freshLocation()
        let store = try await location.open()
        try await RetentionFixture.campaign(store, "c-odd", createdAt: now, state: .paused, recipients: 3)
        try await location.executeBehindTheStore(
            "UPDATE campaign_recipient SET state = 'teleported' WHERE campaign_id = 'c-odd' AND position = 1")
        let recipients = await #expect(throws: StoredValueError.self) {
            try await store.campaignRecipients(id: "c-odd", states: nil, afterPosition: -1, limit: 10)
        }
        #expect(recipients?.row == "campaign c-odd recipient 1")
        await #expect(throws: StoredValueError.self) { try await store.campaignTally(id: "c-odd") }
        try await location.executeBehindTheStore("UPDATE campaign SET state = 'exploded' WHERE id = 'c-odd'")
        let campaign = await #expect(throws: StoredValueError.self) { try await store.campaign(id: "c-odd") }
        #expect(campaign?.row == "campaign c-odd")
        try await store.close()
    }
}
