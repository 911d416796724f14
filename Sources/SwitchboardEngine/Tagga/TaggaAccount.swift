/// Where and as whom replies are sent.
package struct TaggaAccount: Sendable {
    package var baseURL: String
    package var apikey: Secret
    package var passkey: Secret

    package init(baseURL: String, apikey: Secret, passkey: Secret) {
        self.baseURL = baseURL
        self.apikey = apikey
        self.passkey = passkey
    }

    /// `base_url + "/api/response/"`, whatever slashes the base ends with.
    package var replyURL: String { ProviderEndpoint.url(base: baseURL, path: "/api/response/") }
}
