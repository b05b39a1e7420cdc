import EntasService
import EntasAPI

/// The sign-in form (a coordinator token, as the API takes it) and the dashboard's message pages.
struct LoginPage: Sendable {
    /// The page to return to after signing in; already checked by ``DashboardPaths/safeNext(_:)``.
    var next: String
    /// Why the last attempt failed.
    var problem: String?

    func render() -> HTML {
        let error: HTML = problem.map { "<p class=\"error\" role=\"alert\" id=\"login-error\">\($0)</p>" } ?? .empty
        let content: HTML = """
            <section aria-labelledby="login-heading">
            <h1 id="login-heading">Sign in to the coordinator dashboard</h1>
            <p>The dashboard shows the consensus views of the four clusters for Bappeda. Sign in with a coordinator \
            token, the same one the <code>entas</code> CLI and the read API take.</p>
            \(error)
            <form class="login" method="post" action="/login">
            <label for="token">Coordinator token</label>
            <input id="token" name="token" type="password" autocomplete="off" required placeholder="entas.coordinator.…">
            <input type="hidden" name="next" value="\(next)">
            <button type="submit">Sign in</button>
            </form>
            <p class="muted">An operator issues tokens with <code>entas-coordinator token create --name &lt;who&gt;</code>. \
            The session lasts eight hours, ends when you sign out, and ends when the token is revoked.</p>
            </section>
            """
        return DashboardLayout.page(title: "Sign in", signedIn: false, content: content)
    }
}

/// A page that only says something went wrong, e.g. an unknown region.
struct MessagePage: Sendable {
    var title: String
    var message: String
    var freshness: FreshnessSummary?

    func render() -> HTML {
        let content: HTML = """
            <section aria-labelledby="message-heading">
            <h1 id="message-heading">\(title)</h1>
            <p id="message">\(message)</p>
            <p><a href="/">Back to Jawa Timur</a></p>
            </section>
            """
        return DashboardLayout.page(title: title, freshness: freshness, signedIn: true, content: content)
    }
}
