import EntasDomain

/// How messages name a service: `coordinator`, `social-aid service` (`koordinator`, `layanan social-aid`).
enum ServiceNames {
    static func display(_ serviceName: String) -> Message {
        serviceName == "coordinator" ? Message("cli.service.coordinator") : Message("cli.service.named", .text(serviceName))
    }
}
