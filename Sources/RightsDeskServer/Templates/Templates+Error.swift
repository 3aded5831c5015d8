extension Templates {
    /// The error page: status, its name in the page's language, the message, a way back.
    static let errorPage = #"""
    <div class="error"><h2>{{code}} {{reason}}</h2><p>{{message}}</p><p><a href="javascript:history.back()">{{t.back}}</a></p></div>
    """#
}
