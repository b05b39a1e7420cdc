/// How messages name a service: `coordinator`, `social-aid service`.
enum ServiceNames {
    static func display(_ serviceName: String) -> String {
        serviceName == "coordinator" ? serviceName : "\(serviceName) service"
    }
}
