import Foundation
import SwitchboardEngine

let base = CommandLine.arguments[1]
let count = 10_000
let concurrency = Int(CommandLine.arguments[2]) ?? 64
let client = ProviderHTTPClient(client: ProviderHTTPClient.makeClient())
let body = Array(#"{"body":"Shop opens at 9 tomorrow","id":1001,"sender":"Switchboard","to":"+15551234567","token":"sim-token"}"#.utf8)
let start = Date()
await withTaskGroup(of: Void.self) { group in
    let per = count / concurrency
    for _ in 0..<concurrency {
        group.addTask {
            for _ in 0..<per { _ = await client.post(url: base + "/engage/send_sms", contentType: "application/json", body: body) }
        }
    }
}
let elapsed = Date().timeIntervalSince(start)
print("AHC only: \(Double(count) / elapsed) posts/s")
