import EntasService
import EntasAPI
import EntasDomain

/// The sign-in form (a coordinator token, as the API takes it) and the dashboard's message pages.
struct LoginPage: Sendable {
    /// The page to return to after signing in; already checked by ``DashboardPaths/safeNext(_:)``.
    var next: String
    /// Why the last attempt failed.
    var problem: Message?

    func render() -> HTML {
        let error: HTML = problem.map { "<p class=\"error\" role=\"alert\" id=\"login-error\">\($0)</p>" } ?? .empty
        let content: HTML = """
            <section aria-labelledby="login-heading">
            <h1 id="login-heading">\(Message("dashboard.login.heading"))</h1>
            <p>\(Message("dashboard.login.intro"))</p>
            \(error)
            <form class="login" method="post" action="/login">
            <label for="token">\(Message("dashboard.login.tokenLabel"))</label>
            <input id="token" name="token" type="password" autocomplete="off" required placeholder="entas.coordinator.…">
            <input type="hidden" name="next" value="\(next)">
            <button type="submit">\(Message("dashboard.login.submit"))</button>
            </form>
            <p class="muted">\(Message("dashboard.login.howTokens"))</p>
            </section>
            """
        return DashboardLayout.page(title: Message("dashboard.login.title").rendered(), signedIn: false, content: content)
    }
}

/// A page that only says something went wrong, e.g. an unknown region.
struct MessagePage: Sendable {
    var title: Message
    var message: Message
    var freshness: FreshnessSummary?

    func render() -> HTML {
        let content: HTML = """
            <section aria-labelledby="message-heading">
            <h1 id="message-heading">\(title)</h1>
            <p id="message">\(message)</p>
            <p><a href="/">\(Message("dashboard.message.back"))</a></p>
            </section>
            """
        return DashboardLayout.page(title: title.rendered(), freshness: freshness, signedIn: true, content: content)
    }
}
