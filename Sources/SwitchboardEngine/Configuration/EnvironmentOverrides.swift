import Foundation

/// The credentials that may come from the environment instead of the file, and win over it.
///
/// An empty variable counts as unset. Problems name the variable but never repeat its value.
enum EnvironmentOverrides {
    static let taggaAPIKey = "SWITCHBOARD_TAGGA_APIKEY"
    static let taggaPassKey = "SWITCHBOARD_TAGGA_PASSKEY"
    static let taggetID = "SWITCHBOARD_TAGGET_ID"
    static let taggetToken = "SWITCHBOARD_TAGGET_TOKEN"

    /// Applies the variables that are set to `configuration`, recording where each value came from in `origins`.
    static func apply(
        _ environment: [String: String],
        to configuration: inout SwitchboardConfiguration,
        origins: inout [String: String]
    ) -> [ConfigurationProblem] {
        var problems: [ConfigurationProblem] = []
        if let value = nonEmpty(environment[taggaAPIKey]) {
            configuration.tagga.apiKey = Secret(value)
            origins["tagga.apikey"] = taggaAPIKey
        }
        if let value = nonEmpty(environment[taggaPassKey]) {
            configuration.tagga.passKey = Secret(value)
            origins["tagga.passkey"] = taggaPassKey
        }
        if let value = nonEmpty(environment[taggetID]) {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if let id = Int(trimmed), id > 0 {
                configuration.tagget.id = id
                origins["tagget.id"] = taggetID
            } else {
                let message =
                    "$\(taggetID) is not a positive whole number; set it to your Tagget account id, "
                    + "like \(taggetID)=12345, or unset it"
                problems.append(ConfigurationProblem(file: nil, key: "tagget.id", message: message))
            }
        }
        if let value = nonEmpty(environment[taggetToken]) {
            configuration.tagget.token = Secret(value)
            origins["tagget.token"] = taggetToken
        }
        return problems
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
