import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Asks a running server to rebuild its rule modules (`POST /api/v1/admin/reload`).
enum ServerReload {
    /// Prints the server's answer; exit 0 when it swapped, 1 when it kept its rules or could not be reached.
    static func request(server: String, token: String) async throws {
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        guard let url = URL(string: base + "/api/v1/admin/reload"), url.scheme == "http" || url.scheme == "https" else {
            StandardError.write("modules reload: not an http(s) URL: \(server)")
            throw ExitCode(2)
        }
        var request = URLRequest(url: url, timeoutInterval: 60)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("{}".utf8)
        let (data, status): (Data, Int)
        do {
            (data, status) = try await send(request)
        } catch {
            StandardError.write("modules reload: cannot reach \(base): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let body = String(decoding: data, as: UTF8.self)
        guard status == 200 else {
            StandardError.write("modules reload: the server answered \(status): \(body)")
            throw ExitCode(1)
        }
        print(body)
        let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        if answer?["swapped"] as? Bool != true {
            StandardError.write("modules reload: the server kept its running rules (problems above)")
            throw ExitCode(1)
        }
    }

    private static func send(_ request: URLRequest) async throws -> (Data, Int) {
        try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: (data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0))
                }
            }.resume()
        }
    }
}
