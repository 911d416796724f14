import Foundation
import Testing

@testable import SwitchboardEngine

/// Canned reply templates: variables, prompts, the cursor marker, braces, and the errors `config check` shows.
@Suite struct CannedTemplateTests {
    let values = CannedValues(tagg: "PIZZA", id: "T-9", operatorName: "ana", deadline: "08:30", minutesLeft: 12)

    @Test func variablesPromptsAndTheCursorAreFilledIn() throws {
        let template = try CannedTemplate(
            parsing: "Hi {?name}, {operator} here: order {id} ({tagg}) by {deadline}, {left} min. {|}{{ok}}")
        #expect(template.prompts == ["name"])
        let (text, cursor) = template.fill(values, answers: ["name": "Bo"])
        #expect(text == "Hi Bo, ana here: order T-9 (PIZZA) by 08:30, 12 min. {ok}")
        #expect(cursor == "Hi Bo, ana here: order T-9 (PIZZA) by 08:30, 12 min. ".count)
    }

    @Test func promptsAreAskedOnceEachInOrder() throws {
        let template = try CannedTemplate(parsing: "{?a} {?b} {?a}")
        #expect(template.prompts == ["a", "b"])
        #expect(template.fill(values, answers: ["a": "1", "b": "2"]).text == "1 2 1")
        #expect(template.fill(values).text == "  ", "an unanswered prompt is empty")
    }

    @Test(arguments: [
        ("Hi {name}", CannedTemplateError.unknownVariable("name", position: 4)),
        ("Order {id is late", .unclosedBrace(position: 7)),
        ("x {", .unclosedBrace(position: 3)),
        ("{?}", .emptyPrompt(position: 1)),
        ("{|} and {|}", .secondCursor(position: 9)),
        ("{ID}", .unknownVariable("ID", position: 1)),
    ])
    func errors(_ text: String, _ expected: CannedTemplateError) {
        #expect(throws: expected) { try CannedTemplate(parsing: text) }
    }
}
