import Testing

@testable import SwitchboardEngine

private func recipient(_ fields: [String: String]) -> Recipient {
    Recipient(phone: .unchecked("+18397536474"), line: 2, fields: fields)
}

struct BroadcastTemplateTests {
    @Test func splitsTextAndPlaceholders() throws {
        let template = try BroadcastTemplate(parsing: "Hi {name}, your code is { code }.")
        #expect(
            template.parts == [
                .text("Hi "), .placeholder(name: "name", offset: 3), .text(", your code is "),
                .placeholder(name: "code", offset: 24), .text("."),
            ])
        #expect(template.placeholders == ["name", "code"])
        #expect(template.hasPlaceholders)
        #expect(template.source == "Hi {name}, your code is { code }.")
    }

    @Test func doubledBracesAreLiteral() throws {
        let template = try BroadcastTemplate(parsing: "{{name}} is {{{name}}} {{}}")
        #expect(template.parts == [.text("{name} is {"), .placeholder(name: "name", offset: 14), .text("} {}")])
        #expect(template.render(for: recipient(["name": "Ann"])) == "{name} is {Ann} {}")
    }

    @Test func bodyWithoutPlaceholders() throws {
        let template = try BroadcastTemplate(parsing: "Hello world")
        #expect(!template.hasPlaceholders)
        #expect(template.placeholders.isEmpty)
        #expect(template.render(for: recipient([:])) == "Hello world")
        #expect(try BroadcastTemplate(parsing: "").parts.isEmpty)
    }

    @Test(arguments: [
        ("Hi {name", BroadcastTemplateError.unclosedBrace(offset: 3)),
        ("{", .unclosedBrace(offset: 0)),
        ("Hi {na{me}", .unclosedBrace(offset: 3)),
        ("Hi {name\n}", .unclosedBrace(offset: 3)),
        ("😀 {x} {", .unclosedBrace(offset: 6)),
        ("Price: 5}", .unmatchedClosingBrace(offset: 8)),
        ("a }} b } c", .unmatchedClosingBrace(offset: 7)),
        ("Hi {}", .emptyPlaceholder(offset: 3)),
        ("Hi {   }", .emptyPlaceholder(offset: 3)),
    ])
    func malformedBracesAreErrorsWithTheirPosition(body: String, expected: BroadcastTemplateError) {
        #expect(throws: expected) { try BroadcastTemplate(parsing: body) }
    }

    @Test func braceErrorMessagesSayWhereAndWhatToWrite() {
        #expect(
            BroadcastTemplateError.unclosedBrace(offset: 3).description
                == "The { at character 4 is not closed: write {column} to insert a column, or {{ for a literal {")
        #expect(
            BroadcastTemplateError.unmatchedClosingBrace(offset: 8).description
                == "The } at character 9 closes no placeholder: write }} for a literal }")
        #expect(BroadcastTemplateError.emptyPlaceholder(offset: 0).description.contains("{{}} for literal braces"))
    }

    @Test func aPlaceholderWithNoColumnIsAnError() throws {
        let template = try BroadcastTemplate(parsing: "Hi {nmae} from {city}, {nmae}! {code}")
        let columns = ["phone", "name", "city"]
        #expect(template.unknownPlaceholders(columns: columns) == ["nmae", "code"])
        let expected = BroadcastTemplateError.unknownPlaceholders(names: ["nmae", "code"], columns: columns)
        #expect(throws: expected) { try template.validate(columns: columns) }
        #expect(
            expected.description
                == "The message uses {nmae} and {code}, but no column has those names: the columns are phone, name, city"
        )
    }

    @Test func unknownPlaceholderMessages() {
        #expect(
            BroadcastTemplateError.unknownPlaceholders(names: ["x"], columns: ["phone", "name"]).description
                == "The message uses {x}, but no column has that name: the columns are phone, name")
        #expect(
            BroadcastTemplateError.unknownPlaceholders(names: ["a", "b", "c"], columns: ["phone"]).description
                .hasPrefix("The message uses {a}, {b} and {c}, but no column has those names"))
        #expect(
            BroadcastTemplateError.unknownPlaceholders(names: ["name"], columns: []).description
                == "The message uses {name}, but the recipients have no columns (a plain list of numbers): "
                + "remove the placeholder or import a CSV with a header row")
    }

    @Test func placeholdersMatchColumnsIgnoringCase() throws {
        let template = try BroadcastTemplate(parsing: "Hi {NAME}, {Name} {name}")
        try template.validate(columns: ["phone", "Name"])
        let resolved = try template.resolved(against: ["phone", "Name"])
        #expect(resolved.placeholders == ["Name"])
        #expect(resolved.source == template.source)
        #expect(resolved.render(for: recipient(["Name": "Ann"])) == "Hi Ann, Ann Ann")
        #expect(template.render(for: recipient(["Name": "Ann"])) == "Hi Ann, Ann Ann")
    }

    @Test func anExactMatchWinsOverACaseInsensitiveOne() throws {
        let template = try BroadcastTemplate(parsing: "{name}/{Name}/{NAME}")
        let resolved = try template.resolved(against: ["Name", "name"])
        #expect(resolved.render(for: recipient(["Name": "A", "name": "b"])) == "b/A/A")
    }

    @Test func missingValuesRenderEmpty() throws {
        let template = try BroadcastTemplate(parsing: "Hi {name}{city}!")
        #expect(template.render(for: recipient(["name": "Ann"])) == "Hi Ann!")
        #expect(template.render(fields: [:]) == "Hi !")
    }

    @Test func valuesAreInsertedVerbatim() throws {
        let template = try BroadcastTemplate(parsing: "Hi {name}")
        #expect(template.render(for: recipient(["name": " {Ann} \"O’Brien\" "])) == "Hi  {Ann} \"O’Brien\" ")
    }
}
