/// Why the export file could not be used.
package enum PruneExportError: Error, Equatable, CustomStringConvertible {
    case exists(String)
    case cannotCreate(String, String)
    case cannotWrite(String, String)

    package var description: String {
        switch self {
        case .exists(let path):
            "--export \(path): the file exists; prune never overwrites or adds to an export: choose a new name"
        case .cannotCreate(let path, let reason): "--export \(path): cannot create it: \(reason)"
        case .cannotWrite(let path, let reason):
            "--export \(path): cannot write it: \(reason); the batch being written was not removed"
        }
    }
}
