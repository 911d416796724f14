/// Where and as whom texts are sent.
package struct TaggetAccount: Sendable {
    package var baseURL: String
    package var id: Int64
    package var token: Secret

    package init(baseURL: String, id: Int64, token: Secret) {
        self.baseURL = baseURL
        self.id = id
        self.token = token
    }

    /// `base_url + "/engage/send_sms"`, whatever slashes the base ends with.
    package var sendURL: String { ProviderEndpoint.url(base: baseURL, path: "/engage/send_sms") }
}
