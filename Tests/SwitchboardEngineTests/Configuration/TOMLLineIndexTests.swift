import Testing

@testable import SwitchboardEngine

@Suite struct TOMLLineIndexTests {
    @Test func findsKeysTablesAndSkipsMultiLineValues() {
        let text = """
            # comment
            top = 1
            [tagga]
            taggs = [
                "reply_window = not a key",
                "x",
            ]
            notes = \"\"\"
            apikey = "inside a string"
            \"\"\"
            "quoted key" = 2
            reply_window = "30m"   # trailing comment
            dotted.inner = 3
            [ tagget ]\r
            id = 5\r
            inline = { a = 1 }
            """
        let index = TOMLLineIndex(text: text)
        #expect(index.line(of: "top") == 2)
        #expect(index.line(of: "tagga") == 3)
        #expect(index.line(of: "tagga.taggs") == 4)
        #expect(index.line(of: "tagga.notes") == 8)
        #expect(index.line(of: "tagga.apikey") == 3)
        #expect(index.line(of: "tagga.quoted key") == 11)
        #expect(index.line(of: "tagga.reply_window") == 12)
        #expect(index.line(of: "tagga.dotted") == 13)
        #expect(index.line(of: "tagga.dotted.inner") == 13)
        #expect(index.line(of: "tagget") == 14)
        #expect(index.line(of: "tagget.id") == 15)
        #expect(index.line(of: "tagget.inline.a") == 16)
        #expect(index.line(of: "nowhere.at.all") == nil)
    }
}
