/// Joins a configured base URL and a provider's documented path, whatever slashes the base ends with.
package enum ProviderEndpoint {
    package static func url(base: String, path: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
